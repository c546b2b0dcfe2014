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
 * ls (-a -A -d -F -h -l -n -p -r -R -S -t -U -1), mkdir (-p -m -v), rm (-d -f -r -v), touch (-a -c -m
 * -d -t -r), cp (-a -f -n -p -r -t -T -v), mv (-f -n -t -T -v), pwd, env (-i -u -0 -C, assignments,
 * running a command), id (-u -g -G -n -r, USER) and whoami. Text is handled as bytes, as in the C
 * locale; messages and exit statuses follow GNU coreutils.
 */
package io.sandkernel.coreutils;
