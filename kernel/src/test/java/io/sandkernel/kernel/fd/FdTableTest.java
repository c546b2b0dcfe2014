package io.sandkernel.kernel.fd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sandkernel.Errno;
import io.sandkernel.KernelException;
import io.sandkernel.api.fs.Stat;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class FdTableTest {
    /** A description that counts its releases. */
    private static final class Counted extends OpenFile {
        final AtomicInteger closed = new AtomicInteger();

        Counted() {
            super(0);
        }

        @Override
        public Stat stat() {
            return null;
        }

        @Override
        protected void closeResource() {
            closed.incrementAndGet();
        }

        @Override
        public String describe() {
            return "counted";
        }
    }

    private static Errno errno(Runnable action) {
        try {
            action.run();
        } catch (KernelException e) {
            return e.errno();
        }
        throw new AssertionError("no failure");
    }

    @Test
    void newDescriptorsTakeTheLowestFreeNumber() {
        FdTable table = new FdTable(8);
        assertThat(table.install(new Counted(), false)).isZero();
        assertThat(table.install(new Counted(), false)).isEqualTo(1);
        assertThat(table.install(new Counted(), false)).isEqualTo(2);
        table.close(1);
        assertThat(table.install(new Counted(), false)).isEqualTo(1);
        assertThat(table.dup(0, 5, false)).isEqualTo(5);
        assertThat(table.dup(0, 0, false)).isEqualTo(3);
    }

    @Test
    void theLimitBoundsCountAndNumbers() {
        FdTable table = new FdTable(3);
        for (int i = 0; i < 3; i++) {
            table.install(new Counted(), false);
        }
        Counted extra = new Counted();
        assertThat(errno(() -> table.install(extra, false))).isEqualTo(Errno.EMFILE);
        assertThat(extra.closed).hasValue(1);
        assertThat(errno(() -> table.dup2(0, 3, false))).isEqualTo(Errno.EBADF);
        assertThat(errno(() -> table.dup2(0, -1, false))).isEqualTo(Errno.EBADF);
        assertThat(errno(() -> table.dup(0, 0, false))).isEqualTo(Errno.EMFILE);
    }

    @Test
    void closingReleasesOnlyTheLastReference() {
        FdTable table = new FdTable(8);
        Counted file = new Counted();
        int fd = table.install(file, false);
        int copy = table.dup(fd, 0, false);
        table.close(fd);
        assertThat(file.closed).hasValue(0);
        table.close(copy);
        assertThat(file.closed).hasValue(1);
        assertThat(errno(() -> table.close(copy))).isEqualTo(Errno.EBADF);
    }

    @Test
    void dup2ReplacesAndReleasesWhatWasThere() {
        FdTable table = new FdTable(8);
        Counted first = new Counted();
        Counted second = new Counted();
        table.install(first, false);
        table.install(second, false);
        assertThat(table.dup2(0, 1, false)).isEqualTo(1);
        assertThat(second.closed).hasValue(1);
        assertThat(table.get(1)).isSameAs(first);
        assertThat(table.dup2(0, 0, false)).isZero();
        assertThat(errno(() -> table.dup2(6, 0, false))).isEqualTo(Errno.EBADF);
    }

    @Test
    void childrenInheritEverythingButCloseOnExec() {
        FdTable table = new FdTable(8);
        Counted kept = new Counted();
        Counted dropped = new Counted();
        table.install(kept, false);
        table.install(dropped, true);
        table.installAt(5, kept.retain(), false);
        FdTable child = table.inherit(8);
        assertThat(child.snapshot().keySet()).containsExactly(0, 5);
        assertThat(child.closeOnExec(0)).isFalse();
        table.closeAll();
        assertThat(kept.closed).hasValue(0);
        assertThat(dropped.closed).hasValue(1);
        child.closeAll();
        assertThat(kept.closed).hasValue(1);
    }

    @Test
    void closeOnExecIsPerDescriptor() {
        FdTable table = new FdTable(8);
        int fd = table.install(new Counted(), true);
        int copy = table.dup(fd, 0, false);
        assertThat(table.closeOnExec(fd)).isTrue();
        assertThat(table.closeOnExec(copy)).isFalse();
        table.closeOnExec(fd, false);
        assertThat(table.closeOnExec(fd)).isFalse();
    }

    @Test
    void anExitedTableRefusesNewDescriptors() {
        FdTable table = new FdTable(8);
        table.closeAll();
        Counted file = new Counted();
        assertThatThrownBy(() -> table.install(file, false)).isInstanceOf(KernelException.class);
        assertThat(file.closed).hasValue(1);
    }
}
