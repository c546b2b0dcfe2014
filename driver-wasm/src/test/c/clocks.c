/* clock_* and sleeping: realtime is after 2020, monotonic never goes back, resolutions are
 * positive, and a 50 ms nanosleep lasts at least 50 ms by the monotonic clock. */
#include <stdio.h>
#include <time.h>

static long long ns(struct timespec t) { return t.tv_sec * 1000000000LL + t.tv_nsec; }

int main(void) {
    struct timespec real, m1, m2, res;
    if (clock_gettime(CLOCK_REALTIME, &real) != 0 || real.tv_sec < 1577836800) { puts("realtime bad"); return 1; }
    if (clock_getres(CLOCK_MONOTONIC, &res) != 0 || ns(res) <= 0) { puts("resolution bad"); return 1; }
    if (clock_getres(CLOCK_REALTIME, &res) != 0 || ns(res) <= 0) { puts("resolution bad"); return 1; }
    clock_gettime(CLOCK_MONOTONIC, &m1);
    struct timespec nap = {0, 50 * 1000000};
    if (nanosleep(&nap, NULL) != 0) { puts("nanosleep failed"); return 1; }
    clock_gettime(CLOCK_MONOTONIC, &m2);
    long long slept = ns(m2) - ns(m1);
    if (slept < 50 * 1000000LL) { printf("slept only %lld ns\n", slept); return 1; }
    if (slept > 5000 * 1000000LL) { printf("slept %lld ns\n", slept); return 1; }
    puts("clocks ok");
    return 0;
}
