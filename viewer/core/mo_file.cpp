#include "mo_file.hpp"

#include "utf8.hpp"

#include <cstdint>
#include <cstdio>
#include <string_view>

namespace hs {
namespace {

constexpr uint32_t kMagic = 0x950412de;
constexpr size_t kHeaderBytes = 28; // magic, revision, N, O, T, hash size, hash offset

class Reader {
public:
    Reader(const unsigned char *data, size_t size, bool big_endian) : data_(data), size_(size), big_(big_endian) {}

    uint32_t word(size_t at) const {
        const unsigned char *p = data_ + at;
        return big_ ? (uint32_t(p[0]) << 24 | uint32_t(p[1]) << 16 | uint32_t(p[2]) << 8 | p[3])
                    : (uint32_t(p[3]) << 24 | uint32_t(p[2]) << 16 | uint32_t(p[1]) << 8 | p[0]);
    }

    // String `index` of the table at `table`: its bytes (NUL excluded), or an error.
    bool string(uint64_t table, uint32_t index, const char *which, size_t max_bytes, std::string_view &out,
                std::string &error) const {
        uint64_t entry = table + 8ull * index;
        uint32_t length = word(static_cast<size_t>(entry));
        uint32_t offset = word(static_cast<size_t>(entry + 4));
        std::string where = std::string(which) + " " + std::to_string(index);
        if (uint64_t(offset) + length >= size_) {
            error = where + ": bytes " + std::to_string(offset) + "+" + std::to_string(length) +
                    " lie outside the catalog (" + std::to_string(size_) + " bytes)";
            return false;
        }
        if (data_[offset + length] != '\0') {
            error = where + ": not NUL-terminated";
            return false;
        }
        if (length > max_bytes) {
            error = where + ": " + std::to_string(length) + " bytes, more than the limit of " + std::to_string(max_bytes);
            return false;
        }
        out = std::string_view(reinterpret_cast<const char *>(data_) + offset, length);
        if (!is_valid_utf8(out)) {
            error = where + ": invalid UTF-8";
            return false;
        }
        return true;
    }

private:
    const unsigned char *data_;
    size_t size_;
    bool big_;
};

// The charset the header declares ("Content-Type: text/plain; charset=UTF-8"), or "" when none.
std::string declared_charset(std::string_view header) {
    const std::string_view key = "charset=";
    size_t at = header.find(key);
    if (at == std::string_view::npos) return {};
    at += key.size();
    size_t end = header.find_first_of(" ;\n", at);
    return std::string(header.substr(at, end == std::string_view::npos ? std::string_view::npos : end - at));
}

bool is_utf8_name(std::string name) {
    for (char &c : name) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
    return name == "utf-8" || name == "utf8";
}

// Plural forms are separated by NULs inside one string: keep the first (the singular).
std::string_view first_form(std::string_view s) { return s.substr(0, s.find('\0')); }

} // namespace

MoFile parse_mo(const unsigned char *data, size_t size, const MoLimits &limits) {
    MoFile out;
    auto fail = [&](const std::string &why) {
        out.strings.clear();
        out.error = why;
        return out;
    };
    if (data == nullptr || size == 0) return fail("no bytes");
    if (size > limits.max_bytes)
        return fail(std::to_string(size) + " bytes, more than the limit of " + std::to_string(limits.max_bytes));
    if (size < kHeaderBytes) return fail("cut short: " + std::to_string(size) + " bytes is less than a .mo header");

    // The magic read little-endian tells the byte order of every word that follows.
    uint32_t magic = Reader(data, size, false).word(0);
    bool big = false;
    if (magic == kMagic) {
        big = false;
    } else if (Reader(data, size, true).word(0) == kMagic) {
        big = true;
    } else {
        char hex[16];
        std::snprintf(hex, sizeof hex, "0x%08x", magic);
        return fail(std::string("wrong magic ") + hex + " (a .mo catalog starts with 0x950412de in either byte order)");
    }
    Reader r(data, size, big);
    uint32_t revision = r.word(4);
    if ((revision >> 16) != 0) return fail("format revision " + std::to_string(revision >> 16) + " is not supported (0 is)");
    uint32_t n = r.word(8);
    uint64_t originals = r.word(12), translations = r.word(16);
    if (n > limits.max_strings)
        return fail(std::to_string(n) + " strings, more than the limit of " + std::to_string(limits.max_strings));
    for (uint64_t table : {originals, translations})
        if (table + 8ull * n > size)
            return fail("string table at " + std::to_string(table) + " (" + std::to_string(n) +
                        " entries) lies outside the catalog (" + std::to_string(size) + " bytes)");

    for (uint32_t i = 0; i < n; ++i) {
        std::string_view id, str;
        if (!r.string(originals, i, "msgid", limits.max_string_bytes, id, out.error) ||
            !r.string(translations, i, "msgstr", limits.max_string_bytes, str, out.error))
            return fail(out.error);
        if (id.empty()) {
            // The header: strings in any other charset would be read as the wrong characters.
            std::string charset = declared_charset(str);
            if (!charset.empty() && !is_utf8_name(charset))
                return fail("charset " + charset + " (the header's Content-Type): only UTF-8 is read");
            continue;
        }
        std::string_view text = first_form(str);
        if (!text.empty()) out.strings.emplace(first_form(id), text);
    }
    return out;
}

} // namespace hs
