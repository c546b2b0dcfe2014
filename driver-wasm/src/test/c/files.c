/* Files and directories through every path_* call, relative to the working directory: mkdir,
 * create, write, read back, stat/fstat, rename, link, symlink/readlink, utimensat, truncate,
 * readdir, access, unlink, rmdir. Prints one line per step; status 0 when all pass. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define CHECK(cond, what) do { if (!(cond)) { printf("FAIL %s: %s\n", what, strerror(errno)); return 1; } \
    printf("ok %s\n", what); } while (0)

int main(void) {
    struct stat st;
    char buf[64];
    CHECK(mkdir("d", 0755) == 0, "mkdir");
    CHECK(mkdir("d", 0755) != 0 && errno == EEXIST, "mkdir existing is EEXIST");
    int fd = open("d/f", O_WRONLY | O_CREAT | O_EXCL, 0644);
    CHECK(fd >= 3, "create");
    CHECK(write(fd, "hello world", 11) == 11, "write");
    CHECK(fstat(fd, &st) == 0 && st.st_size == 11 && S_ISREG(st.st_mode), "fstat");
    CHECK(close(fd) == 0, "close");
    CHECK(open("d/f", O_WRONLY | O_CREAT | O_EXCL, 0644) < 0 && errno == EEXIST, "O_EXCL on existing is EEXIST");
    fd = open("d/f", O_RDONLY);
    CHECK(fd >= 0 && read(fd, buf, sizeof buf) == 11 && memcmp(buf, "hello world", 11) == 0, "read back");
    CHECK(read(fd, buf, sizeof buf) == 0, "read at end is 0");
    close(fd);
    CHECK(stat("d/f", &st) == 0 && st.st_size == 11 && st.st_nlink == 1, "stat");
    CHECK(rename("d/f", "d/g") == 0 && stat("d/f", &st) != 0 && errno == ENOENT, "rename");
    CHECK(link("d/g", "d/h") == 0 && stat("d/g", &st) == 0 && st.st_nlink == 2, "link");
    struct stat sg, sh;
    CHECK(stat("d/g", &sg) == 0 && stat("d/h", &sh) == 0 && sg.st_ino == sh.st_ino, "hard links share the inode");
    CHECK(symlink("g", "d/s") == 0, "symlink");
    ssize_t n = readlink("d/s", buf, sizeof buf);
    CHECK(n == 1 && buf[0] == 'g', "readlink");
    CHECK(lstat("d/s", &st) == 0 && S_ISLNK(st.st_mode), "lstat sees the link");
    CHECK(stat("d/s", &st) == 0 && S_ISREG(st.st_mode) && st.st_size == 11, "stat follows the link");
    struct timespec times[2] = {{1000000000, 0}, {1200000000, 500}};
    CHECK(utimensat(AT_FDCWD, "d/g", times, 0) == 0 && stat("d/g", &st) == 0
          && st.st_mtim.tv_sec == 1200000000 && st.st_atim.tv_sec == 1000000000, "utimensat");
    CHECK(truncate("d/g", 5) == 0 && stat("d/g", &st) == 0 && st.st_size == 5, "truncate");
    fd = open("d/g", O_RDWR);
    CHECK(fd >= 0 && ftruncate(fd, 2) == 0 && fstat(fd, &st) == 0 && st.st_size == 2, "ftruncate");
    close(fd);
    DIR *dir = opendir("d");
    CHECK(dir != NULL, "opendir");
    int seen = 0;
    struct dirent *e;
    while ((e = readdir(dir)) != NULL) {
        if (strcmp(e->d_name, "g") == 0 || strcmp(e->d_name, "h") == 0 || strcmp(e->d_name, "s") == 0) seen++;
    }
    closedir(dir);
    CHECK(seen == 3, "readdir lists g, h and s");
    CHECK(access("d/g", R_OK) == 0 && access("d/nothing", F_OK) != 0 && errno == ENOENT, "access");
    CHECK(rmdir("d") != 0 && errno == ENOTEMPTY, "rmdir of a non-empty directory is ENOTEMPTY");
    CHECK(unlink("d/g") == 0 && unlink("d/h") == 0 && unlink("d/s") == 0, "unlink");
    CHECK(unlink("d") != 0, "unlink of a directory fails");
    CHECK(rmdir("d") == 0 && stat("d", &st) != 0 && errno == ENOENT, "rmdir");
    CHECK(open("missing/file", O_RDONLY) < 0 && errno == ENOENT, "open of a missing path is ENOENT");
    puts("files ok");
    return 0;
}
