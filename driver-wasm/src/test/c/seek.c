/* lseek, pread/pwrite and O_APPEND on a file of the working directory. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#define CHECK(cond, what) do { if (!(cond)) { printf("FAIL %s: %s\n", what, strerror(errno)); return 1; } } while (0)

int main(void) {
    char buf[32];
    int fd = open("seek.txt", O_RDWR | O_CREAT | O_TRUNC, 0644);
    CHECK(fd >= 0, "open");
    CHECK(write(fd, "0123456789", 10) == 10, "write");
    CHECK(lseek(fd, 0, SEEK_CUR) == 10, "tell after write");
    CHECK(lseek(fd, 2, SEEK_SET) == 2 && read(fd, buf, 3) == 3 && memcmp(buf, "234", 3) == 0, "SEEK_SET");
    CHECK(lseek(fd, 1, SEEK_CUR) == 6 && read(fd, buf, 1) == 1 && buf[0] == '6', "SEEK_CUR");
    CHECK(lseek(fd, -2, SEEK_END) == 8 && read(fd, buf, 5) == 2 && memcmp(buf, "89", 2) == 0, "SEEK_END");
    CHECK(lseek(fd, -20, SEEK_SET) < 0 && errno == EINVAL, "negative offset is EINVAL");
    CHECK(pread(fd, buf, 4, 3) == 4 && memcmp(buf, "3456", 4) == 0, "pread");
    CHECK(lseek(fd, 0, SEEK_CUR) == 10, "pread leaves the offset");
    CHECK(pwrite(fd, "ab", 2, 1) == 2 && pread(fd, buf, 4, 0) == 4 && memcmp(buf, "0ab3", 4) == 0, "pwrite");
    CHECK(lseek(fd, 20, SEEK_SET) == 20 && write(fd, "x", 1) == 1, "write past the end");
    CHECK(pread(fd, buf, 11, 10) == 11 && buf[0] == 0 && buf[10] == 'x', "the hole reads as zeros");
    close(fd);
    fd = open("seek.txt", O_WRONLY | O_APPEND);
    CHECK(fd >= 0 && lseek(fd, 0, SEEK_SET) == 0 && write(fd, "END", 3) == 3, "append");
    CHECK(lseek(fd, 0, SEEK_CUR) == 24, "append writes at the end");
    close(fd);
    int p[2];
    puts("seek ok");
    (void) p;
    return 0;
}
