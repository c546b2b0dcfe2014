/* proc_raise: raises the signal numbered argv[1] in WASI's numbering (15 is SIGTERM), whose
 * default action ends the process; prints "survived" if the call returns. */
#include <stdio.h>
#include <stdlib.h>

__attribute__((import_module("wasi_snapshot_preview1"), import_name("proc_raise")))
extern int wasi_proc_raise(int signal);

int main(int argc, char **argv) {
    int sig = argc > 1 ? atoi(argv[1]) : 15;
    int e = wasi_proc_raise(sig);
    printf("survived %d\n", e);
    return 0;
}
