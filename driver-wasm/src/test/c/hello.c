/* The smallest program: one line on stdout, status 0. */
#include <stdio.h>

int main(void) {
    printf("hello, world\n");
    return 0;
}
