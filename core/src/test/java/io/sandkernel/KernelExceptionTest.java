package io.sandkernel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KernelExceptionTest {
    @Test
    void messageReadsErrnoColonDetail() {
        KernelException e = new KernelException(Errno.ESRCH, "no such process 42");

        assertThat(e.errno()).isEqualTo(Errno.ESRCH);
        assertThat(e.getMessage()).isEqualTo("ESRCH: no such process 42");
        assertThat(e).isInstanceOf(RuntimeException.class);
    }

    @Test
    void causeIsKept() {
        Throwable cause = new IllegalStateException("inner");

        KernelException e = new KernelException(Errno.EIO, "read failed", cause);

        assertThat(e.getCause()).isSameAs(cause);
        assertThat(e.getMessage()).isEqualTo("EIO: read failed");
    }

    @Test
    void errnoNumbersAreLinuxOnes() {
        assertThat(Errno.EPERM.number()).isEqualTo(1);
        assertThat(Errno.ESRCH.number()).isEqualTo(3);
        assertThat(Errno.ECHILD.number()).isEqualTo(10);
        assertThat(Errno.EAGAIN.number()).isEqualTo(11);
        assertThat(Errno.EINVAL.number()).isEqualTo(22);
        assertThat(Errno.ESRCH.description()).isEqualTo("no such process");
    }
}
