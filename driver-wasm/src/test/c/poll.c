/* poll_oneoff: stdin (an empty pipe kept open by the parent) is not readable within 100 ms and
 * the timeout is honoured; stdout is writable at once. Then, when the parent writes, stdin becomes
 * readable: the program echoes the first line it reads. */
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static long long now_ms(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1000LL + t.tv_nsec / 1000000;
}

int main(void) {
    struct pollfd out = {1, POLLOUT, 0};
    if (poll(&out, 1, 0) != 1 || !(out.revents & POLLOUT)) { puts("stdout not writable"); return 1; }
    struct pollfd in = {0, POLLIN, 0};
    long long t0 = now_ms();
    int r = poll(&in, 1, 100);
    long long waited = now_ms() - t0;
    printf("timeout: %d after >=100ms: %d\n", r, waited >= 100);
    fflush(stdout);
    r = poll(&in, 1, 10000);
    char buf[128];
    ssize_t n = r == 1 ? read(0, buf, sizeof buf - 1) : -1;
    if (n <= 0) { puts("no data"); return 1; }
    buf[n] = 0;
    printf("readable: %s", buf);
    return 0;
}
