/*
 * Runs one command once and prints what it cost, on one line: wall seconds, CPU seconds (user plus
 * system), peak resident memory in KiB, and the exit code (128 + N after signal N, 124 on timeout).
 *
 *     measure [-t SECONDS] [-e ERRFILE] -- COMMAND [ARGUMENT...]
 *     measure -s THREADS ITERATIONS
 *
 * The second form is a yardstick for parallelism: THREADS threads each count to ITERATIONS. Timed
 * with one thread and with one per core, it shows how much of the cores a run can get at the moment
 * (on a shared or throttled machine, less than all of them).
 *
 * Standard input is /dev/null, standard output is discarded, standard error goes to ERRFILE (or is
 * discarded). A small C process forks the command on purpose: Linux counts the memory of the process
 * that forked into the child's peak until the child calls exec, so a command started from Python
 * would report Python's 20 MB as its own. Built by scripts/benchmark/run.
 */
#include <errno.h>
#include <pthread.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static volatile sig_atomic_t timedOut = 0;
static volatile pid_t child = 0;

static void onAlarm(int signal) {
  (void)signal;
  timedOut = 1;
  if (child > 0) kill(child, SIGKILL);
}

static void *spin(void *iterations) {
  volatile unsigned long sum = 0;
  for (unsigned long i = 0; i < *(unsigned long *)iterations; i++) sum += i;
  return NULL;
}

static int spinThreads(int threads, unsigned long iterations) {
  pthread_t ids[256];
  if (threads < 1 || threads > 256) return 2;
  for (int i = 0; i < threads; i++) pthread_create(&ids[i], NULL, spin, &iterations);
  for (int i = 0; i < threads; i++) pthread_join(ids[i], NULL);
  return 0;
}

int main(int argc, char **argv) {
  if (argc == 4 && strcmp(argv[1], "-s") == 0) return spinThreads(atoi(argv[2]), strtoul(argv[3], NULL, 10));
  int timeout = 0;
  const char *errors = "/dev/null";
  int first = 1;
  for (; first < argc; first++) {
    if (strcmp(argv[first], "--") == 0) { first++; break; }
    if (strcmp(argv[first], "-t") == 0 && first + 1 < argc) timeout = atoi(argv[++first]);
    else if (strcmp(argv[first], "-e") == 0 && first + 1 < argc) errors = argv[++first];
  }
  if (first >= argc) {
    fprintf(stderr, "usage: measure [-t SECONDS] [-e ERRFILE] -- COMMAND [ARGUMENT...]\n");
    return 2;
  }
  struct timespec start, end;
  clock_gettime(CLOCK_MONOTONIC, &start);
  pid_t pid = fork();
  if (pid < 0) { perror("fork"); return 2; }
  if (pid == 0) {
    int in = open("/dev/null", O_RDONLY), out = open("/dev/null", O_WRONLY);
    int err = open(errors, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (in < 0 || out < 0 || err < 0) _exit(126);
    dup2(in, 0); dup2(out, 1); dup2(err, 2);
    execvp(argv[first], argv + first);
    _exit(127);
  }
  child = pid;
  if (timeout > 0) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = onAlarm;
    sigaction(SIGALRM, &action, NULL);
    alarm((unsigned)timeout);
  }
  int status = 0;
  struct rusage usage;
  while (wait4(pid, &status, 0, &usage) < 0) {
    if (errno != EINTR) { perror("wait4"); return 2; }
  }
  clock_gettime(CLOCK_MONOTONIC, &end);
  double wall = (double)(end.tv_sec - start.tv_sec) + (double)(end.tv_nsec - start.tv_nsec) / 1e9;
  double cpu = (double)usage.ru_utime.tv_sec + (double)usage.ru_utime.tv_usec / 1e6 + (double)usage.ru_stime.tv_sec +
               (double)usage.ru_stime.tv_usec / 1e6;
  int code = timedOut ? 124 : WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  printf("%.6f %.6f %ld %d\n", wall, cpu, usage.ru_maxrss, code);
  return 0;
}
