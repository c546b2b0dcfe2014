/* CPU-bound benchmark: generates argv[1] MiB of pseudo-random bytes (xorshift32) and computes
 * their Adler-32 and a 64-bit mix, with no I/O but the result line. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

static uint32_t buf[1 << 18]; /* 1 MiB */

int main(int argc, char **argv) {
    int mib = argc > 1 ? atoi(argv[1]) : 100;
    uint32_t x = 2463534242u, a = 1, b = 0;
    uint64_t mix = 0;
    for (int m = 0; m < mib; m++) {
        for (int i = 0; i < (1 << 18); i++) {
            x ^= x << 13; x ^= x >> 17; x ^= x << 5;
            buf[i] = x;
        }
        const unsigned char *p = (const unsigned char *) buf;
        for (int i = 0; i < (1 << 20); i += 4096) {
            for (int j = i; j < i + 4096; j++) { a += p[j]; b += a; }
            a %= 65521; b %= 65521;
        }
        for (int i = 0; i < (1 << 18); i++) mix = (mix ^ buf[i]) * 0x100000001b3ull;
    }
    printf("%08x %016llx\n", (b << 16) | a, (unsigned long long) mix);
    return 0;
}
