// Only the header matters: libFuzzer defines LLVMFuzzerRunDriver when a fuzz target is linked with
// -sanitize=fuzzer. SwiftPM needs one source file per C target.
#include "CFuzzerDriver.h"
