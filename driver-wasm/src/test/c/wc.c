/* wc: lines, words and bytes of stdin, as "L W B". */
#include <ctype.h>
#include <stdio.h>
#include <unistd.h>

int main(void) {
    static char buf[65536];
    long lines = 0, words = 0, bytes = 0;
    int in_word = 0;
    ssize_t n;
    while ((n = read(0, buf, sizeof buf)) > 0) {
        bytes += n;
        for (ssize_t i = 0; i < n; i++) {
            unsigned char c = (unsigned char) buf[i];
            if (c == '\n') lines++;
            if (isspace(c)) in_word = 0;
            else if (!in_word) { in_word = 1; words++; }
        }
    }
    printf("%ld %ld %ld\n", lines, words, bytes);
    return n < 0 ? 1 : 0;
}
