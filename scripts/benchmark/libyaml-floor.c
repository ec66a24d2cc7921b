/*
 * The floor trailwatch is measured against: read every file named on the command line (or, with
 * -l LIST, every path in LIST) and run libyaml's own event parse over it, doing nothing with the
 * events. With -r it only reads the bytes, to show what reading costs. Built by scripts/benchmark/run
 * with the same system libyaml trailwatch links.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

static unsigned char *slurp(const char *path, size_t *size) {
  FILE *file = fopen(path, "rb");
  if (!file) return NULL;
  size_t capacity = 1 << 16, length = 0;
  unsigned char *bytes = malloc(capacity);
  size_t count;
  while (bytes && (count = fread(bytes + length, 1, capacity - length, file)) > 0) {
    length += count;
    if (length == capacity) {
      capacity *= 2;
      bytes = realloc(bytes, capacity);
    }
  }
  fclose(file);
  *size = length;
  return bytes;
}

static long parse(const unsigned char *bytes, size_t size) {
  yaml_parser_t parser;
  yaml_event_t event;
  long events = 0;
  if (!yaml_parser_initialize(&parser)) return -1;
  yaml_parser_set_input_string(&parser, bytes, size);
  for (;;) {
    if (!yaml_parser_parse(&parser, &event)) break;
    int done = event.type == YAML_STREAM_END_EVENT;
    yaml_event_delete(&event);
    events++;
    if (done) break;
  }
  yaml_parser_delete(&parser);
  return events;
}

static void run(const char *path, int readOnly, size_t *bytesTotal, long *eventsTotal) {
  size_t size = 0;
  unsigned char *bytes = slurp(path, &size);
  if (!bytes) return;
  *bytesTotal += size;
  if (!readOnly) *eventsTotal += parse(bytes, size);
  free(bytes);
}

int main(int argc, char **argv) {
  int readOnly = 0;
  const char *list = NULL;
  size_t bytesTotal = 0;
  long eventsTotal = 0;
  int first = 1;
  for (; first < argc && argv[first][0] == '-'; first++) {
    if (strcmp(argv[first], "-r") == 0) readOnly = 1;
    else if (strcmp(argv[first], "-l") == 0 && first + 1 < argc) list = argv[++first];
  }
  if (list) {
    FILE *paths = fopen(list, "r");
    char line[8192];
    while (paths && fgets(line, sizeof line, paths)) {
      line[strcspn(line, "\n")] = 0;
      if (line[0]) run(line, readOnly, &bytesTotal, &eventsTotal);
    }
    if (paths) fclose(paths);
  }
  for (int index = first; index < argc; index++) run(argv[index], readOnly, &bytesTotal, &eventsTotal);
  fprintf(stderr, "%zu bytes, %ld events\n", bytesTotal, eventsTotal);
  return 0;
}
