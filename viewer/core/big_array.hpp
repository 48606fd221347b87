// BigArrayAllocator: an allocator for the few large arrays that are filled once and then read (the
// search index's word lists). No GL, no ImGui.
//
// Why: on the kiosk, malloc hands out every block over 256 KiB as fresh memory (main.cpp fixes the
// mmap threshold), and the first write to each fresh 4 KiB page is a page fault. Measured on the
// bench machine (a VM), a fault costs about 14 us: the 5 MB of a 1000-topic search index took
// longer to fault in than to fill. Asking for transparent huge pages makes that one fault per
// 2 MiB. Where the kernel does not give huge pages (THP set to "never"), the memory is the same
// plain memory as before, just faulted page by page.
//
// Blocks under kHugeFrom come from operator new as usual: huge pages are only worth it for big ones.
#pragma once

#include <cstddef>
#include <new>

namespace hs {

namespace big_array {
constexpr size_t kHugeFrom = 512u << 10; // 512 KiB
void *allocate(size_t bytes);           // operator new below kHugeFrom, else 2 MiB-aligned mmap + MADV_HUGEPAGE
void deallocate(void *p, size_t bytes); // bytes: as allocated
} // namespace big_array

template <class T> struct BigArrayAllocator {
    using value_type = T;
    BigArrayAllocator() = default;
    template <class U> BigArrayAllocator(const BigArrayAllocator<U> &) {}
    T *allocate(size_t n) {
        if (n > static_cast<size_t>(-1) / sizeof(T)) throw std::bad_array_new_length();
        return static_cast<T *>(big_array::allocate(n * sizeof(T)));
    }
    void deallocate(T *p, size_t n) { big_array::deallocate(p, n * sizeof(T)); }
    template <class U> bool operator==(const BigArrayAllocator<U> &) const { return true; }
    template <class U> bool operator!=(const BigArrayAllocator<U> &) const { return false; }
};

} // namespace hs
