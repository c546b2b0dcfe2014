/* proc_exit: exits with the status given as the first argument (exit keeps its low 8 bits). */
#include <stdlib.h>

int main(int argc, char **argv) {
    exit(argc > 1 ? atoi(argv[1]) : 0);
}
