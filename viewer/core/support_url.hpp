// What a support_url (a topic's or a fix's web page, ABI 1.1) must be: the kiosk prints it and
// turns it into a QR code a customer's phone opens, so it must be a plain web address. No GL.
#pragma once

#include <string>

namespace hs {

// 2 KiB: a QR code of more is too dense to scan from a screen (version 40 holds ~2.9 KB at level L).
constexpr size_t kMaxSupportUrlBytes = 2048;

// Why `url` (valid UTF-8, not empty) cannot be a support URL, or "" when it can: it must start with
// https:// (or http://), name a host, hold no spaces or control characters and be at most
// kMaxSupportUrlBytes. Non-ASCII (an internationalized path) is allowed: its QR code says UTF-8.
std::string support_url_problem(const std::string &url);

} // namespace hs
