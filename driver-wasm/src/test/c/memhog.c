/* Allocates 1 MiB blocks, touching each and keeping them linked, until malloc returns NULL;
 * prints how many it got. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct block { struct block *next; char data[(1 << 20) - sizeof(struct block *)]; };

int main(void) {
    struct block *head = NULL;
    int blocks = 0;
    for (;;) {
        struct block *b = malloc(sizeof *b);
        if (b == NULL) break;
        memset(b->data, blocks & 0xFF, sizeof b->data);
        b->next = head;
        head = b;
        blocks++;
    }
    long sum = 0;
    for (struct block *b = head; b; b = b->next) sum += b->data[12345];
    printf("allocated %d MiB (sum %ld), then malloc returned NULL\n", blocks, sum);
    return 0;
}
