/* random_get: two 64-byte draws differ and are not all zero. */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int main(void) {
    unsigned char a[64], b[64], zero[64] = {0};
    if (getentropy(a, sizeof a) != 0 || getentropy(b, sizeof b) != 0) { puts("getentropy failed"); return 1; }
    if (memcmp(a, b, sizeof a) == 0 || memcmp(a, zero, sizeof a) == 0) { puts("not random"); return 1; }
    puts("random ok");
    return 0;
}
