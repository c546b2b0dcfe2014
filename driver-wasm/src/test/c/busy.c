/* A computation that never calls the host: prints "ready", then loops on a flag nobody clears.
 * Only a signal ends it. */
#include <stdio.h>

volatile int spinning = 1;

int main(void) {
    printf("ready\n");
    fflush(stdout);
    unsigned long n = 0;
    while (spinning) {
        n++;
    }
    return (int) n;
}
