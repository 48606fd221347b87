/* A shared library that is not a topic plugin: it exports something, but not the entry point. */
#include <helpstation/plugin.h>

HELPSTATION_EXPORT int some_other_function(void) { return 42; }
