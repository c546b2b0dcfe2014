/* isatty on the three standard descriptors, as "0:1 1:0 2:0". */
#include <stdio.h>
#include <unistd.h>

int main(void) {
    int in = isatty(0), out = isatty(1), err = isatty(2);
    printf("0:%d 1:%d 2:%d\n", in, out, err);
    return 0;
}
