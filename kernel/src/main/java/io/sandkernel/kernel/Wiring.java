package io.sandkernel.kernel;

import io.sandkernel.api.ProcessApi;
import io.sandkernel.api.Redirect;

import io.sandkernel.Errno;
import io.sandkernel.KernelException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;

/** Turns {@link Redirect}s into open files for a new process's standard streams. */
final class Wiring {
    private Wiring() {}

    static OpenFile host(Kernel kernel, Redirect redirect, String cwd, boolean input, InputStream hostIn,
                                OutputStream hostOut, List<OpenFile> hostEnds, int index) {
        return switch (redirect) {
            case Redirect.Pipe p -> {
                Pipe pipe = kernel.newPipe();
                if (input) {
                    hostEnds.set(index, pipe.newWriter());
                    yield pipe.newReader();
                }
                hostEnds.set(index, pipe.newReader());
                yield pipe.newWriter();
            }
            case Redirect.Null n -> new OpenFile.NullFile();
            case Redirect.File f -> input ? kernel.files().openRead(cwd, f.path())
                    : kernel.files().openWrite(cwd, f.path(), f.append(), 0022);
            case Redirect.Inherit i -> input
                    ? (hostIn == null ? new OpenFile.NullFile() : new OpenFile.StreamInput(hostIn, false))
                    : (hostOut == null ? new OpenFile.NullFile() : new OpenFile.StreamOutput(hostOut, false));
            case Redirect.Descriptor d -> throw new KernelException(Errno.EINVAL,
                    "the host has no descriptors: use Redirect.Pipe");
        };
    }

    static OpenFile child(Kernel kernel, Task parent, Redirect redirect, int fd, String cwd, boolean input) {
        return switch (redirect) {
            case Redirect.Inherit i -> parent.fds.get(fd).retain();
            case Redirect.Descriptor d -> parent.fds.get(d.fd()).retain();
            case Redirect.Null n -> new OpenFile.NullFile();
            case Redirect.File f -> input ? kernel.files().openRead(cwd, f.path())
                    : kernel.files().openWrite(cwd, f.path(), f.append(), kernel.table().getUmask(parent.pid));
            case Redirect.Pipe p -> throw new KernelException(Errno.EINVAL,
                    "Redirect.Pipe is for the host; create a pipe with ProcessApi.pipe()");
        };
    }

    static void releaseAll(OpenFile[] files) {
        for (OpenFile file : files) {
            if (file != null) {
                file.release();
            }
        }
    }

}
