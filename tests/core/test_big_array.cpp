// The allocator of the search index's big arrays: small blocks as usual, big ones on their own
// 2 MiB-aligned mapping (so the kernel can back them with huge pages), usable as any vector.
#include "core/big_array.hpp"

#include <catch2/catch.hpp>

#include <cstdint>
#include <numeric>
#include <vector>

TEST_CASE("big arrays: a big block is 2 MiB-aligned and holds what is written to it", "[big_array]") {
    std::vector<uint32_t, hs::BigArrayAllocator<uint32_t>> big(3u << 20); // 12 MiB
    CHECK(reinterpret_cast<uintptr_t>(big.data()) % (2u << 20) == 0);
    std::iota(big.begin(), big.end(), 0u);
    CHECK(big[0] == 0);
    CHECK(big.back() == (3u << 20) - 1);
    // Growing moves it to a bigger mapping, contents and all (and gives the old one back).
    big.resize(big.size() + 1, 7);
    CHECK(reinterpret_cast<uintptr_t>(big.data()) % (2u << 20) == 0);
    CHECK(big[12345] == 12345);
    CHECK(big.back() == 7);
}

TEST_CASE("big arrays: a small block comes from the usual allocator", "[big_array]") {
    std::vector<uint32_t, hs::BigArrayAllocator<uint32_t>> small(1000, 5);
    CHECK(small[999] == 5);
    void *p = hs::big_array::allocate(64);
    REQUIRE(p != nullptr);
    hs::big_array::deallocate(p, 64);
    hs::big_array::deallocate(nullptr, 4u << 20); // nothing to give back
}
