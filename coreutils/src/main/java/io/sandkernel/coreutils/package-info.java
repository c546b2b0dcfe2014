/**
 * The coreutils of Sandkernel as JVM programs: {@link io.sandkernel.coreutils.Coreutils#commands()}
 * maps each command name to a {@link io.sandkernel.api.Program} that talks to the world
 * only through {@link io.sandkernel.api.ProcessApi}.
 *
 * <p>Commands: echo (-n -e -E), printf (format reuse, %d %i %o %u %x %X %c %s %b %q %f %e %g %%,
 * flags, widths, precisions, escapes), cat (-A -b -e -E -n -s -t -T -v), true, false, sleep (s m h d
 * suffixes, fractions), yes, seq (-f -s -w), head and tail (-n -c with signs and suffixes, -q -v -z),
 * wc (-c -l -m -w -L), tr (-c -d -s -t, ranges, classes, repeats), grep (-E -F -G -i -v -c -n -l -L
 * -q -s -w -x -o -r -h -H -e -f -m -A -B -C -a, --include --exclude
 * --exclude-dir), sort (-b -c -d -f -g -h -i -k -n -o -r -s -t -u -z),
 * uniq (-c -d -D -u -i -f -s -w), cut (-b -c -f -d -s --complement --output-delimiter), tee (-a),
 * ls (-a -A -d -F -h -i -l -L -n -p -r -R -S -t -U -1), mkdir (-p -m -v), rm (-d -f -r -v), touch
 * (-a -c -h -m -d -t -r), cp (-a -d -f -H -L -n -p -P -r -t -T -v, --preserve), mv (-f -n -t -T -v, across
 * mounts), pwd, env (-i -u -0 -C, assignments, running a command), id (-u -g -G -n -r, USER), whoami,
 * kill, ps (-f; from /proc), tty (-s) and stty. Text is handled as bytes, as in the C locale; messages
 * and exit statuses follow GNU coreutils.
 *
 * <p>Every file operation is a system call of the process ({@code openat}, {@code read},
 * {@code write}, {@code fstatat}, {@code readdir}, {@code mkdirat}, {@code unlinkat},
 * {@code renameat}, {@code utimensat}...), so the kernel's permissions, mounts and limits apply
 * and its errno becomes GNU's message ("Permission denied", "Operation not permitted" in a
 * sticky directory). Output is buffered on descriptors and a failed write is never dropped: it is
 * reported as GNU's {@code close_stdout} does ({@code "cat: write error: No space left on
 * device"}) with the command's failure status; a write to a closed pipe ends the command by
 * SIGPIPE.
 */
package io.sandkernel.coreutils;
