/* grep: prints the lines of stdin containing argv[1]; status 0 when one matched, 1 when none, 2 on
 * a usage error (as grep). */
#include <stdio.h>
#include <string.h>

int main(int argc, char **argv) {
    if (argc < 2) { fprintf(stderr, "usage: grep PATTERN\n"); return 2; }
    static char line[65536]; /* not on the 64 KiB shadow stack */
    int matched = 0;
    while (fgets(line, sizeof line, stdin)) {
        if (strstr(line, argv[1])) { fputs(line, stdout); matched = 1; }
    }
    return matched ? 0 : 1;
}
