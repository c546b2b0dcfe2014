/* Traps on purpose: "unreachable", "oob" (a store far outside memory), "stack" (endless
 * recursion) or "div" (integer division by zero). */
#include <stdio.h>
#include <string.h>

static int depth(volatile int n) { return n == 0 ? 0 : 1 + depth(n + 1) + depth(n + 2); }

int main(int argc, char **argv) {
    const char *what = argc > 1 ? argv[1] : "unreachable";
    fprintf(stdout, "trapping: %s\n", what);
    fflush(stdout);
    if (strcmp(what, "oob") == 0) {
        *(volatile int *) 0xFFFFFFF0u = 1;
    } else if (strcmp(what, "stack") == 0) {
        return depth(1);
    } else if (strcmp(what, "div") == 0) {
        volatile int zero = 0;
        return 10 / zero;
    }
    __builtin_trap();
}
