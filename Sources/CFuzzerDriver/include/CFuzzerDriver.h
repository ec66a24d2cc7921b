// libFuzzer's entry for programs that keep their own main (compiler-rt's FuzzerInterface.h). SwiftPM
// renames an executable's main, so the fuzz targets call this instead of linking libFuzzer's main.
#ifndef TRAILWATCH_CFUZZERDRIVER_H
#define TRAILWATCH_CFUZZERDRIVER_H

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

#endif
