// One source for the test plugins built with the builder: each variant is a set of
// compile definitions (see tests/plugins/CMakeLists.txt), so the broken ones differ from the good
// one in exactly the field under test.
#include <helpstation/topic.hpp>

#ifndef TEST_ID
#define TEST_ID "test-topic"
#endif
#ifndef TEST_TITLE
#define TEST_TITLE "The test topic"
#endif
#ifndef TEST_VERSION
#define TEST_VERSION "1.2.3"
#endif
#ifndef TEST_SUMMARY
#define TEST_SUMMARY "A topic the tests load."
#endif
#ifndef TEST_CATEGORY
#define TEST_CATEGORY "Testing"
#endif
#ifndef TEST_STEP_IMAGE
#define TEST_STEP_IMAGE "square"
#endif

#include <stdexcept>

HELPSTATION_TOPIC(t) {
#ifdef TEST_THROW
    throw std::runtime_error("a topic file that throws");
#endif
    t.id(TEST_ID).title(TEST_TITLE).version(TEST_VERSION).summary(TEST_SUMMARY).category(TEST_CATEGORY)
     .applies_to("Test devices")
     .symptom("Something is wrong.")
     .symptom("Something else is wrong too.")
     .why("Because tests need a reason.");
    t.fix("First fix")
     .intro("Try this first.")
     .step("Do the first thing.", TEST_STEP_IMAGE).note("A note.")
     .step("Do the second thing.").caution("A caution.")
     .step("Do the third thing.", TEST_STEP_IMAGE);
    t.fix("Second fix").step("Do the only thing.");
    t.fix("Third fix").step("Do one thing.").step("Do another thing.");
    t.faq("First question?", "First answer.");
    t.faq("Second question?", "Second answer.");
#ifdef TEST_SUPPORT_URL // ABI 1.1: a page to take home, one for the first fix, the picture described
    t.support_url(TEST_SUPPORT_URL).alt("square", "A blue square.");
    t.fix("Fourth fix").support_url(TEST_FIX_URL).step("Scan the code.", TEST_STEP_IMAGE);
#endif
}
