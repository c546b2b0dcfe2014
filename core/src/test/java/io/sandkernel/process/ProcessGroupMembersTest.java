package io.sandkernel.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sandkernel.Errno;
import io.sandkernel.KernelException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ProcessGroupMembersTest {
    private final ProcessTable table = new ProcessTable();

    @AfterEach
    void close() {
        table.close();
    }

    private int spawn(int ppid) {
        int pid = table.allocatePid();
        table.register(pid, "test", "p", List.of(), ProcessContext.ofParent(ppid), new TestDriver());
        return pid;
    }

    @Test
    void groupMembersAreTheLiveMembersByAscendingPid() {
        int init = spawn(0);
        int leader = spawn(init);
        int other = spawn(init);
        int member = spawn(init);
        table.setpgid(leader, 0);
        table.setpgid(member, leader);
        table.setpgid(other, leader);
        table.markExited(member, 0);

        assertThat(table.processGroupMembers(leader)).extracting(ProcessInfo::pid).containsExactly(leader, other);
    }

    @Test
    void aGroupWithoutLiveMembersHasNone() {
        int init = spawn(0);
        int child = spawn(init);
        table.setpgid(child, 0);
        table.markExited(child, 0);

        assertThat(table.processGroupMembers(child)).isEmpty();
        assertThat(table.processGroupMembers(9999)).isEmpty();
    }

    @Test
    void aNegativeGroupIsRejectedWithEinval() {
        assertThatThrownBy(() -> table.processGroupMembers(-1))
                .isInstanceOfSatisfying(KernelException.class, e -> assertThat(e.errno()).isEqualTo(Errno.EINVAL));
    }
}
