/* Tries to reach the host file argv[1] (an absolute host path outside the kernel) in every way
 * a program might: directly, through "..", through symbolic links to "/" and "..". Prints one
 * line per attempt; status 0 when every attempt failed, 1 when one read the file. */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static int attempt(const char *how, const char *path) {
    int fd = open(path, O_RDONLY);
    if (fd >= 0) {
        char buf[64];
        ssize_t n = read(fd, buf, sizeof buf);
        close(fd);
        printf("ESCAPED %s (%zd bytes)\n", how, n);
        return 1;
    }
    printf("refused %s\n", how);
    return 0;
}

int main(int argc, char **argv) {
    if (argc < 2) return 2;
    const char *host = argv[1];
    char path[4096];
    int escaped = 0;
    escaped |= attempt("absolute", host);
    snprintf(path, sizeof path, "../../../../../../../../..%s", host);
    escaped |= attempt("dotdot", path);
    symlink("/", "to-root");
    snprintf(path, sizeof path, "to-root/../../..%s", host);
    escaped |= attempt("symlink-root", path);
    symlink("../../../../../../../..", "up");
    snprintf(path, sizeof path, "up%s", host);
    escaped |= attempt("symlink-up", path);
    unlink("to-root");
    unlink("up");
    return escaped;
}
