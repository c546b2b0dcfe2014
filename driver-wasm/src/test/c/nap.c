/* Sleeps argv[1] milliseconds with nanosleep (a clock subscription of poll_oneoff) after printing
 * "napping", then prints how long it slept by the monotonic clock. */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

int main(int argc, char **argv) {
    long ms = argc > 1 ? atol(argv[1]) : 1000;
    struct timespec t0, t1, nap = {ms / 1000, (ms % 1000) * 1000000L};
    printf("napping\n");
    fflush(stdout);
    clock_gettime(CLOCK_MONOTONIC, &t0);
    if (nanosleep(&nap, NULL) != 0) { perror("nanosleep"); return 1; }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    long slept = (t1.tv_sec - t0.tv_sec) * 1000 + (t1.tv_nsec - t0.tv_nsec) / 1000000;
    printf("slept %s\n", slept >= ms ? "enough" : "too little");
    return 0;
}
