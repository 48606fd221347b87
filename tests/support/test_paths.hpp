// Where the tests find what the build made: set by tests/CMakeLists.txt.
#pragma once

namespace test_paths {
inline constexpr const char *mixed_plugins = TEST_PLUGIN_DIR;      // good + every kind of broken
inline constexpr const char *good_plugins = TEST_GOOD_PLUGIN_DIR;  // the good test plugin alone
inline constexpr const char *placeholder_plugins = TEST_PLACEHOLDER_PLUGIN_DIR; // pictures that only fail when shown
inline constexpr const char *abi_plugins = TEST_ABI_PLUGIN_DIR;    // the edges of the ABI, one file each
inline constexpr const char *lang_plugins = TEST_LANG_PLUGIN_DIR;  // translations: translated, bad-catalog
inline constexpr const char *fault_plugins = TEST_FAULT_PLUGIN_DIR; // two good + every fault: probe only!
inline constexpr const char *hot_plugins = TEST_HOT_PLUGIN_DIR;    // hot-v1, hot-v2 (one id), hot-other
inline constexpr const char *bundled_plugins = BUNDLED_PLUGIN_DIR; // the topics the product ships
inline constexpr const char *viewer = HELPSTATION_EXE;             // the real helpstation binary
inline constexpr const char *probe = HELPSTATION_PROBE_EXE;        // helpstation-probe, next to it
inline constexpr const char *output = TEST_OUTPUT_DIR;             // scratch space for screenshots
inline constexpr const char *example_config = EXAMPLE_CONFIG;     // docs/helpstation.example.toml
} // namespace test_paths
