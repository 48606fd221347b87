// Pictures left in the plugin file (the kiosk's way of loading): the loader finds each picture's
// bytes in the .so, drops its copy, and read_picture() reads back exactly the bytes a copying
// load keeps; a plugin file replaced since loading is not read.
#include "core/picture_file.hpp"
#include "probe/plugin_loader.hpp"
#include "support/test_paths.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

namespace {

std::string bundled(const char *id) { return std::string(test_paths::bundled_plugins) + "/" + id + ".so"; }

} // namespace

TEST_CASE("picture file: a topic loaded with its pictures left in the file reads back the same bytes", "[pictures]") {
    hs::LoadResult copied = hs::load_plugin(bundled("imessage-facetime-activation"));
    hs::LoadResult in_file =
        hs::load_plugin(bundled("imessage-facetime-activation"), {}, {}, hs::PictureMemory::InFile);
    REQUIRE(copied.topic);
    REQUIRE(in_file.topic);
    REQUIRE(in_file.topic->images.size() == copied.topic->images.size());
    REQUIRE(copied.topic->images.size() >= 10);
    for (size_t i = 0; i < copied.topic->images.size(); ++i) {
        const hs::Image &c = copied.topic->images[i], &f = in_file.topic->images[i];
        INFO(c.name);
        CHECK(c.encoded);
        CHECK_FALSE(f.encoded); // no copy in memory...
        REQUIRE(f.file);        // ...but where it is in the file
        CHECK(f.file->path == in_file.topic->plugin_path);
        std::string why;
        auto bytes = hs::read_picture(f, why);
        REQUIRE(bytes);
        CHECK(why.empty());
        CHECK(*bytes == *c.encoded);
        CHECK(f.width == c.width);
    }
}

TEST_CASE("picture file: a plugin file rewritten after loading is not read, and says why", "[pictures]") {
    namespace fs = std::filesystem;
    fs::path dir = fs::path(test_paths::output) / "picture-file";
    fs::create_directories(dir);
    fs::path copy = dir / "imessage-facetime-activation.so";
    fs::copy_file(bundled("imessage-facetime-activation"), copy, fs::copy_options::overwrite_existing);
    hs::LoadResult loaded = hs::load_plugin(copy.string(), {}, {}, hs::PictureMemory::InFile);
    REQUIRE(loaded.topic);
    const hs::Image &img = loaded.topic->images.front();
    std::string why;
    REQUIRE(hs::read_picture(img, why));

    // Rewritten in place, one byte longer: size and mtime no longer match what was loaded.
    std::ofstream(copy, std::ios::app | std::ios::binary) << 'x';
    CHECK_FALSE(hs::read_picture(img, why));
    CHECK_THAT(why, Catch::Contains("changed since it was loaded"));
    // Removed: a clear reason too.
    fs::remove(copy);
    CHECK_FALSE(hs::read_picture(img, why));
    CHECK_THAT(why, Catch::Contains("cannot read the plugin file"));
}
