// Large arrays on transparent huge pages (see big_array.hpp).
#include "big_array.hpp"

#include <sys/mman.h>

#include <cstdint>

namespace hs::big_array {
namespace {

constexpr size_t kHugePage = 2u << 20;

size_t mapped_size(size_t bytes) { return (bytes + kHugePage - 1) & ~(kHugePage - 1); }

} // namespace

void *allocate(size_t bytes) {
    if (bytes < kHugeFrom) return ::operator new(bytes);
    size_t size = mapped_size(bytes);
    // Map one huge page more than needed, keep the 2 MiB-aligned part and give the rest back: only
    // an aligned 2 MiB range can become a huge page.
    void *raw = mmap(nullptr, size + kHugePage, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (raw == MAP_FAILED) throw std::bad_alloc();
    auto start = reinterpret_cast<uintptr_t>(raw);
    uintptr_t aligned = (start + kHugePage - 1) & ~(uintptr_t{kHugePage} - 1);
    uintptr_t end = start + size + kHugePage; // of the mapping; the part kept ends at aligned + size
    if (aligned > start) munmap(raw, aligned - start);
    if (end > aligned + size) munmap(reinterpret_cast<void *>(aligned + size), end - (aligned + size));
    auto *p = reinterpret_cast<void *>(aligned);
#ifdef MADV_HUGEPAGE
    madvise(p, size, MADV_HUGEPAGE); // a hint: without THP the pages are plain ones
#endif
    return p;
}

void deallocate(void *p, size_t bytes) {
    if (!p) return;
    if (bytes < kHugeFrom) return ::operator delete(p);
    munmap(p, mapped_size(bytes));
}

} // namespace hs::big_array
