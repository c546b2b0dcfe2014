package io.sandkernel.process;

import java.util.function.Consumer;

/**
 * An intrusive doubly-linked list of process records: the links live in the records, so joining
 * or leaving a list (a parent's children, a group, a session, the zombie queue) costs O(1) and
 * allocates nothing. Iteration order is insertion order.
 */
class RecordList {
    static final int CHILDREN = 0;
    static final int GROUP = 1;
    static final int SESSION = 2;
    static final int ZOMBIES = 3;
    static final int KINDS = 4;

    private final int prev;
    private final int next;
    private ProcessRecord head;
    private ProcessRecord tail;
    private int size;

    RecordList(int kind) {
        this.prev = kind * 2;
        this.next = kind * 2 + 1;
    }

    final int size() {
        return size;
    }

    final boolean isEmpty() {
        return size == 0;
    }

    final ProcessRecord head() {
        return head;
    }

    final ProcessRecord next(ProcessRecord record) {
        return record.links[next];
    }

    final void append(ProcessRecord record) {
        ProcessRecord[] links = record.links;
        links[prev] = tail;
        links[next] = null;
        if (tail == null) {
            head = record;
        } else {
            tail.links[next] = record;
        }
        tail = record;
        size++;
    }

    final void unlink(ProcessRecord record) {
        ProcessRecord[] links = record.links;
        ProcessRecord before = links[prev];
        ProcessRecord after = links[next];
        if (before == null) {
            head = after;
        } else {
            before.links[next] = after;
        }
        if (after == null) {
            tail = before;
        } else {
            after.links[prev] = before;
        }
        links[prev] = null;
        links[next] = null;
        size--;
    }

    /** Calls {@code action} on each record; the action may unlink the record it is given. */
    final void forEach(Consumer<ProcessRecord> action) {
        for (ProcessRecord record = head; record != null; ) {
            ProcessRecord following = record.links[next];
            action.accept(record);
            record = following;
        }
    }
}
