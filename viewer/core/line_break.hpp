// Where a line of text may end. No GL, no ImGui: the widgets measure, this decides.
//
// ImGui 1.86 wraps only at spaces. Chinese has no spaces between words: a line may end between
// any two CJK characters, as Chinese typesetting does, with the two rules every reader expects
// (GB/T 15834 and the "kinsoku" of CJK typesetting): closing punctuation (，。、：；！？）」”) never
// starts a line, and opening punctuation (（「“) never ends one. Latin words stay whole.
#pragma once

#include <cstddef>
#include <string_view>

namespace hs {

// True when a line may end between `before` and `after` (two characters with no space between).
bool can_break_between(char32_t before, char32_t after);

// The end (a byte offset) of the piece of `text` that starts at `at` and must stay on one line:
// up to the next space or newline, or to the next place can_break_between() allows, whichever is
// first. `at` is not a space. Never returns `at` itself when there is text left.
size_t unbreakable_end(std::string_view text, size_t at);

// The code point at text[at] (0xFFFD for a malformed byte), and moves `at` past it.
char32_t next_character(std::string_view text, size_t &at);

} // namespace hs
