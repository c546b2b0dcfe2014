package io.sandkernel.shell;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import io.sandkernel.Errno;
import io.sandkernel.KernelException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small in-memory stand-in for the Sandkernel kernel, for the shell's tests: a Jimfs
 * filesystem, pipes, reference-counted open files, processes on threads, and a registry of fake
 * commands ({@code sh} runs {@link Shell}).
 */
final class FakeKernel implements AutoCloseable {
    /** A fake program. */
    @FunctionalInterface
    interface Command {
        int run(FakeProcessApi process) throws Exception;
    }

    final FileSystem fs = Jimfs.newFileSystem(Configuration.unix());
    final Map<String, Command> commands = new ConcurrentHashMap<>();
    final Map<Integer, FakeProcessApi> processes = new ConcurrentHashMap<>();
    final AtomicInteger nextPid = new AtomicInteger(100);
    final List<String> log = java.util.Collections.synchronizedList(new ArrayList<>());
    static final Duration TIMEOUT = Duration.ofSeconds(20);

    FakeKernel() throws IOException {
        Files.createDirectories(fs.getPath("/tmp"));
        Files.createDirectories(fs.getPath("/home/user"));
        FakeCommands.register(this);
    }

    Path path(String absolute) {
        return fs.getPath(absolute);
    }

    @Override
    public void close() throws IOException {
        fs.close();
    }

    /** An open file shared by descriptors (counted). */
    abstract static class OpenFile {
        private int refs = 1;

        synchronized OpenFile retain() {
            refs++;
            return this;
        }

        void release() {
            boolean last;
            synchronized (this) {
                last = --refs == 0;
            }
            if (last) {
                closed();
            }
        }

        InputStream in() {
            throw new KernelException(Errno.EBADF, "not open for reading");
        }

        OutputStream out() {
            throw new KernelException(Errno.EBADF, "not open for writing");
        }

        abstract void closed();
    }

    /** A pipe with a bounded buffer. */
    static final class Pipe {
        private final ArrayDeque<Byte> buffer = new ArrayDeque<>();
        private int readers = 1;
        private int writers = 1;
        static final int CAPACITY = 64 * 1024;

        synchronized int read() {
            while (buffer.isEmpty() && writers > 0) {
                waitQuietly();
            }
            if (buffer.isEmpty()) {
                return -1;
            }
            notifyAll();
            return buffer.removeFirst() & 0xff;
        }

        synchronized void write(int b) throws IOException {
            while (buffer.size() >= CAPACITY && readers > 0) {
                waitQuietly();
            }
            if (readers == 0) {
                throw new IOException("EPIPE: broken pipe");
            }
            buffer.addLast((byte) b);
            notifyAll();
        }

        private void waitQuietly() {
            try {
                wait(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new KernelException(Errno.EINTR, "interrupted");
            }
        }

        synchronized void closeReader() {
            readers--;
            notifyAll();
        }

        synchronized void closeWriter() {
            writers--;
            notifyAll();
        }

        OpenFile readEnd() {
            return new OpenFile() {
                @Override
                InputStream in() {
                    return new InputStream() {
                        @Override
                        public int read() {
                            return Pipe.this.read();
                        }
                    };
                }

                @Override
                void closed() {
                    closeReader();
                }
            };
        }

        OpenFile writeEnd() {
            return new OpenFile() {
                @Override
                OutputStream out() {
                    return new OutputStream() {
                        @Override
                        public void write(int b) throws IOException {
                            Pipe.this.write(b);
                        }
                    };
                }

                @Override
                void closed() {
                    closeWriter();
                }
            };
        }
    }

    /** A file opened on the filesystem. */
    static OpenFile fileRead(InputStream stream) {
        return new OpenFile() {
            @Override
            InputStream in() {
                return stream;
            }

            @Override
            void closed() {
                try {
                    stream.close();
                } catch (IOException ignored) {
                    // closed
                }
            }
        };
    }

    static OpenFile fileWrite(OutputStream stream) {
        return new OpenFile() {
            @Override
            OutputStream out() {
                return stream;
            }

            @Override
            void closed() {
                try {
                    stream.close();
                } catch (IOException ignored) {
                    // closed
                }
            }
        };
    }

    static OpenFile nullFile() {
        return new OpenFile() {
            @Override
            InputStream in() {
                return InputStream.nullInputStream();
            }

            @Override
            OutputStream out() {
                return OutputStream.nullOutputStream();
            }

            @Override
            void closed() {}
        };
    }

    /** Output captured in memory (a terminal stand-in). */
    static final class Capture extends OpenFile {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        @Override
        OutputStream out() {
            return new OutputStream() {
                @Override
                public void write(int b) {
                    synchronized (bytes) {
                        bytes.write(b);
                    }
                }

                @Override
                public void write(byte[] b, int off, int len) {
                    synchronized (bytes) {
                        bytes.write(b, off, len);
                    }
                }
            };
        }

        String text() {
            synchronized (bytes) {
                return bytes.toString(StandardCharsets.UTF_8);
            }
        }

        @Override
        void closed() {}
    }

    /** Runs {@code sh} with the given args and stdin; returns stdout, stderr and status. */
    Result sh(String stdin, String... args) throws Exception {
        return run("sh", stdin, args);
    }

    Result run(String command, String stdin, String... args) throws Exception {
        Capture out = new Capture();
        Capture err = new Capture();
        OpenFile in = fileRead(new java.io.ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        List<String> argv = new ArrayList<>();
        argv.add(command);
        argv.addAll(List.of(args));
        FakeProcessApi process = FakeProcessApi.start(this, 1, argv, Map.of("HOME", "/home/user", "PATH", "/bin"),
                "/home/user", new OpenFile[] {in, out.retain(), err.retain()}, 0);
        int status = process.awaitExit(TIMEOUT);
        return new Result(out.text(), err.text(), status);
    }

    /** What a run printed and returned. */
    record Result(String out, String err, int status) {}
}
