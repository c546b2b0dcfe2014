/* cat: copies its files (or stdin) to stdout. */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static int copy(int fd) {
    static char buf[65536]; /* not on the 64 KiB shadow stack */
    ssize_t n;
    while ((n = read(fd, buf, sizeof buf)) > 0) {
        for (ssize_t done = 0; done < n;) {
            ssize_t w = write(1, buf + done, n - done);
            if (w < 0) return -1;
            done += w;
        }
    }
    return n < 0 ? -1 : 0;
}

int main(int argc, char **argv) {
    if (argc < 2) return copy(0) == 0 ? 0 : 1;
    int status = 0;
    for (int i = 1; i < argc; i++) {
        int fd = strcmp(argv[i], "-") == 0 ? 0 : open(argv[i], O_RDONLY);
        if (fd < 0 || copy(fd) != 0) { perror(argv[i]); status = 1; }
        if (fd > 0) close(fd);
    }
    return status;
}
