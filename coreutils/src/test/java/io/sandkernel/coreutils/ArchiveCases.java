package io.sandkernel.coreutils;

import java.util.ArrayList;
import java.util.List;

/**
 * The archive cases: tar, gzip, gunzip, zcat, zip and unzip on {@link ArchiveFixture}. Archives
 * made by GNU are read by Sandkernel (listing, extraction, errors); archives made by Sandkernel
 * are left in the tree, where the comparison reads them with GNU's tools; round trips chain both.
 */
final class ArchiveCases {
    private ArchiveCases() {}

    static List<ArchiveCase> all() {
        List<ArchiveCase> c = new ArrayList<>();
        tar(c);
        gzip(c);
        gunzip(c);
        zcat(c);
        zip(c);
        unzip(c);
        return c;
    }

    private static void tar(List<ArchiveCase> c) {
        // reading GNU's archives
        for (String archive : new String[] {"g.tar", "g.tgz", "g.tar.bz2", "long.tar"}) {
            c.add(ArchiveCase.of("", "tar", "-tf", archive));
            c.add(ArchiveCase.of("", "tar", "-tvf", archive));
            c.add(ArchiveCase.of("", "tar", "-xf", archive));
            c.add(ArchiveCase.of("", "tar", "-xvf", archive));
        }
        c.add(ArchiveCase.of("", "tar", "tf", "g.tar"));
        c.add(ArchiveCase.of("", "tar", "tvzf", "g.tgz"));
        c.add(ArchiveCase.of("", "tar", "-tf", "g.tar", "tree/sub"));
        c.add(ArchiveCase.of("", "tar", "-tf", "g.tar", "a.txt", "nothere"));
        c.add(ArchiveCase.of("", "tar", "-tf", "g.tar", "--wildcards", "*.txt"));
        c.add(ArchiveCase.of("", "tar", "-xf", "g.tar", "tree/sub/y.txt"));
        c.add(ArchiveCase.of("", "tar", "-xf", "g.tar", "--strip-components=1"));
        c.add(ArchiveCase.of("", "tar", "-xvf", "g.tar", "--strip-components=2"));
        c.add(ArchiveCase.of("", "tar", "-xf", "g.tgz", "-C", "other"));
        c.add(ArchiveCase.of("", "tar", "-xf", "g.tar", "-C", "nowhere"));
        c.add(ArchiveCase.of("", "tar", "-xOf", "g.tar", "tree/x.txt", "a.txt"));
        c.add(ArchiveCase.of("", "tar", "-xkf", "g.tar"));
        c.add(ArchiveCase.of("", "tar", "-xmf", "g.tar", "a.txt"));
        c.add(ArchiveCase.of("", "tar", "-tf", "abs.tar"));
        c.add(ArchiveCase.of("", "tar", "-tf", "nothere.tar"));
        c.add(ArchiveCase.of("", "tar", "-tf", "a.txt"));
        c.add(ArchiveCase.of("", "tar", "-tzf", "g.tar"));
        c.add(ArchiveCase.of("", "tar", "-tf", "empty.txt"));
        c.add(ArchiveCase.of("", "tar", "-tf", "-"));
        c.add(ArchiveCase.of("", "tar", "-xf", "g.tar", "--exclude=*.txt"));
        // creating: the result is read back by GNU tar
        c.add(ArchiveCase.of("", "tar", "-cf", "new.tar", "tree", "a.txt"));
        c.add(ArchiveCase.of("", "tar", "-czf", "new.tgz", "tree"));
        c.add(ArchiveCase.of("", "tar", "-cjf", "new.tar.bz2", "other"));
        c.add(ArchiveCase.of("", "tar", "cf", "new.tar", "longnames"));
        c.add(ArchiveCase.of("", "tar", "-cvf", "new.tar", "tree").unordered());
        c.add(ArchiveCase.of("", "tar", "-cf", "new.tar", "-C", "tree", "x.txt", "sub"));
        c.add(ArchiveCase.of("", "tar", "-cf", "new.tar", "--exclude=*.txt", "tree"));
        c.add(ArchiveCase.of("", "tar", "-cf", "new.tar", "--no-recursion", "tree", "tree/x.txt"));
        c.add(ArchiveCase.of("", "tar", "-cf", "new.tar", "nothere", "a.txt"));
        c.add(ArchiveCase.of("", "tar", "-cf", "new.tar"));
        c.add(ArchiveCase.of("", "tar", "-f", "new.tar", "a.txt"));
        c.add(ArchiveCase.of("", "tar", "-cf", "new.tar", "-h", "tree/link"));
        c.add(ArchiveCase.of("", "tar", "-cf", "new.tar", "tree/link"));
        c.add(ArchiveCase.of("", "tar", "-cf", "new.tar", "--remove-files", "other"));
        c.add(ArchiveCase.of("", "tar", "-rf", "g.tar", "b.txt"));
        c.add(ArchiveCase.of("", "tar", "-cf", "-", "a.txt").then("tar", "-tvf", "-").known("the archive's bytes: the sandbox user is not root"));
        // round trips through both implementations
        c.add(ArchiveCase.of("", "tar", "-czf", "rt.tgz", "tree", "other").then("mkdir", "out")
                .then("tar", "-xzf", "rt.tgz", "-C", "out"));
        c.add(ArchiveCase.of("", "tar", "-cf", "rt.tar", "-C", "tree", ".").then("tar", "-tf", "rt.tar").unordered());
        c.add(ArchiveCase.of("", "tar", "--create", "--file=rt.tar", "--gzip", "a.txt", "b.txt")
                .then("tar", "--list", "--verbose", "--file=rt.tar").known("owners differ: the sandbox user is not root"));
    }

    private static void gzip(List<ArchiveCase> c) {
        c.add(ArchiveCase.of("", "gzip", "a.txt"));
        c.add(ArchiveCase.of("", "gzip", "a.txt", "b.txt", "long.txt"));
        c.add(ArchiveCase.of("", "gzip", "-k", "a.txt"));
        c.add(ArchiveCase.of("", "gzip", "-c", "a.txt"));
        c.add(ArchiveCase.of("", "gzip", "-1", "long.txt"));
        c.add(ArchiveCase.of("", "gzip", "-9", "long.txt"));
        c.add(ArchiveCase.of("", "gzip", "--best", "-k", "long.txt"));
        c.add(ArchiveCase.of("", "gzip", "-n", "a.txt"));
        c.add(ArchiveCase.of("", "gzip", "-N", "b.txt"));
        c.add(ArchiveCase.of("", "gzip", "-v", "a.txt"));
        c.add(ArchiveCase.of("", "gzip", "-kv", "b.txt"));
        c.add(ArchiveCase.of("", "gzip", "-S", ".z", "a.txt"));
        c.add(ArchiveCase.of("", "gzip", "-r", "tree").unordered());
        c.add(ArchiveCase.of("", "gzip", "tree"));
        c.add(ArchiveCase.of("", "gzip", "nothere"));
        c.add(ArchiveCase.of("", "gzip", "a.txt.gz"));
        c.add(ArchiveCase.of("", "gzip", "-f", "a.txt"));
        c.add(ArchiveCase.of("", "gzip", "a.txt", "nothere", "b.txt"));
        c.add(ArchiveCase.of("", "gzip", "-q", "tree", "a.txt"));
        c.add(ArchiveCase.of("hello\n", "gzip").known("compressed bytes: zlib's, not gzip's"));
        c.add(ArchiveCase.of("", "gzip", "-l", "a.txt.gz"));
        c.add(ArchiveCase.of("", "gzip", "-l", "a.txt.gz", "nameless.gz", "long.txt.gz"));
        c.add(ArchiveCase.of("", "gzip", "-lv", "a.txt.gz", "multi.gz"));
        c.add(ArchiveCase.of("", "gzip", "-l", "a.txt"));
        c.add(ArchiveCase.of("", "gzip", "-l", "best.gz", "junk.gz").known("gzip -l reads trailing garbage as the trailer"));
        c.add(ArchiveCase.of("", "gzip", "-t", "a.txt.gz", "multi.gz"));
        c.add(ArchiveCase.of("", "gzip", "-tv", "a.txt.gz"));
        c.add(ArchiveCase.of("", "gzip", "-t", "crc.gz").known("a corrupted deflate stream: zlib and gzip's inflate notice at different points"));
        c.add(ArchiveCase.of("", "gzip", "-t", "trunc.gz"));
        c.add(ArchiveCase.of("", "gzip", "-t", "junk.gz"));
        c.add(ArchiveCase.of("", "gzip", "-t", "empty.gz"));
        c.add(ArchiveCase.of("", "gzip", "-d", "a.txt.gz"));
        c.add(ArchiveCase.of("", "gzip", "-dk", "multi.gz"));
        c.add(ArchiveCase.of("", "gzip", "-dc", "zeros.gz"));
        c.add(ArchiveCase.of("", "gzip", "-d", "nameless.gz"));
        c.add(ArchiveCase.of("", "gzip", "-dN", "nameless.gz"));
        c.add(ArchiveCase.of("", "gzip", "-d", "a.txt"));
        c.add(ArchiveCase.of("", "gzip", "-dv", "A.TXT.GZ"));
        c.add(ArchiveCase.of("", "gzip", "-d", "copy.tgz"));
        c.add(ArchiveCase.of("", "gzip", "-d", "fake.zip"));
        c.add(ArchiveCase.of("", "gzip", "-x"));
        c.add(ArchiveCase.of("", "gzip", "-k", "long.txt").then("gzip", "-dc", "long.txt.gz"));
        c.add(ArchiveCase.of("", "gzip", "-c", "long.txt").known("compressed bytes: zlib's, not gzip's"));
    }

    private static void gunzip(List<ArchiveCase> c) {
        c.add(ArchiveCase.of("", "gunzip", "a.txt.gz"));
        c.add(ArchiveCase.of("", "gunzip", "-k", "a.txt.gz"));
        c.add(ArchiveCase.of("", "gunzip", "-c", "a.txt.gz"));
        c.add(ArchiveCase.of("", "gunzip", "-v", "multi.gz"));
        c.add(ArchiveCase.of("", "gunzip", "multi.gz"));
        c.add(ArchiveCase.of("", "gunzip", "junk.gz"));
        c.add(ArchiveCase.of("", "gunzip", "zeros.gz"));
        c.add(ArchiveCase.of("", "gunzip", "trunc.gz"));
        c.add(ArchiveCase.of("", "gunzip", "crc.gz").known("a corrupted deflate stream: zlib and gzip's inflate notice at different points"));
        c.add(ArchiveCase.of("", "gunzip", "empty.gz"));
        c.add(ArchiveCase.of("", "gunzip", "nameless.gz"));
        c.add(ArchiveCase.of("", "gunzip", "-N", "nameless.gz"));
        c.add(ArchiveCase.of("", "gunzip", "long.txt.gz", "best.gz"));
        c.add(ArchiveCase.of("", "gunzip", "best.gz"));
        c.add(ArchiveCase.of("", "gunzip", "a.txt"));
        c.add(ArchiveCase.of("", "gunzip", "nothere"));
        c.add(ArchiveCase.of("", "gunzip", "nothere.gz"));
        c.add(ArchiveCase.of("", "gunzip", "a.txt"));
        c.add(ArchiveCase.of("", "gunzip", "A.TXT.GZ"));
        c.add(ArchiveCase.of("", "gunzip", "copy.tgz"));
        c.add(ArchiveCase.of("", "gunzip", "tree"));
        c.add(ArchiveCase.of("", "gunzip", "-r", "tree").unordered());
        c.add(ArchiveCase.of("", "gunzip", "-f", "a.txt.gz"));
        c.add(ArchiveCase.of("", "gunzip", "-q", "junk.gz"));
        c.add(ArchiveCase.of("", "gunzip", "-t", "a.txt.gz", "crc.gz").known("a corrupted deflate stream: zlib and gzip's inflate notice at different points"));
        c.add(ArchiveCase.of("", "gunzip", "-l", "a.txt.gz"));
        c.add(ArchiveCase.of("", "gunzip", "-S", ".txt.gz", "a.txt.gz"));
        c.add(ArchiveCase.of("", "gunzip", "fake.zip"));
        c.add(ArchiveCase.of("", "gunzip", "-c", "fake.zip"));
        c.add(ArchiveCase.of("", "gunzip", "-cf", "a.txt"));
        c.add(ArchiveCase.of("", "gunzip", "-c", "multi.gz", "a.txt.gz"));
        c.add(ArchiveCase.of("", "gunzip", "-c", "crc.gz").known("a corrupted deflate stream: zlib and gzip's inflate notice at different points"));
        c.add(ArchiveCase.of("", "gunzip", "-c", "trunc.gz"));
        c.add(ArchiveCase.of("", "gunzip", "a.txt.gz", "nothere.gz", "nameless.gz"));
        c.add(ArchiveCase.of("", "gunzip", "a"));
        c.add(ArchiveCase.of("", "gunzip", "-c", "g.tgz").then("tar", "-t"));
        c.add(ArchiveCase.of("", "gzip", "-k", "b.txt").then("gunzip", "-f", "b.txt.gz"));
        c.add(ArchiveCase.of("", "gzip", "-r", "other").then("gunzip", "-r", "other"));
        c.add(ArchiveCase.of("", "gunzip", "-d", "a.txt.gz", "long.txt.gz"));
        c.add(ArchiveCase.of("", "gunzip", "--keep", "--verbose", "nameless.gz"));
        c.add(ArchiveCase.of("", "gunzip", "-k", "g.tgz", "-S", ".tgz"));
        c.add(ArchiveCase.of("", "gunzip", "-ck", "best.gz", "long.txt.gz"));
        c.add(ArchiveCase.of("", "gunzip", "-tv", "multi.gz", "zeros.gz"));
    }

    private static void zcat(List<ArchiveCase> c) {
        c.add(ArchiveCase.of("", "zcat", "crc.gz").known("a corrupted deflate stream: zlib and gzip's inflate notice at"
                + " different points"));
        for (String file : new String[] {"a.txt.gz", "nameless.gz", "long.txt.gz", "best.gz", "multi.gz", "zeros.gz",
            "junk.gz", "trunc.gz", "empty.gz", "A.TXT.GZ", "copy.tgz", "a.txt", "fake.zip", "nothere",
            "nothere.gz"}) {
            c.add(ArchiveCase.of("", "zcat", file));
        }
        c.add(ArchiveCase.of("", "zcat", "a.txt.gz", "nameless.gz"));
        c.add(ArchiveCase.of("", "zcat", "a"));
        c.add(ArchiveCase.of("", "zcat", "-f", "a.txt"));
        c.add(ArchiveCase.of("", "zcat", "-f", "a.txt.gz", "b.txt"));
        c.add(ArchiveCase.of("", "zcat", "-q", "junk.gz"));
        c.add(ArchiveCase.of("", "zcat", "-v", "a.txt.gz"));
        c.add(ArchiveCase.of("", "zcat", "-t", "a.txt.gz"));
        c.add(ArchiveCase.of("", "zcat", "-l", "a.txt.gz"));
        c.add(ArchiveCase.of("", "zcat", "tree"));
        c.add(ArchiveCase.of("", "zcat", "-r", "tree").unordered());
        c.add(ArchiveCase.of("", "zcat", "-x"));
        c.add(ArchiveCase.of("", "zcat", "g.tgz"));
        c.add(ArchiveCase.of("", "zcat", "a.txt.gz", "nothere.gz", "multi.gz"));
        c.add(ArchiveCase.of("", "zcat", "--", "a.txt.gz"));
        c.add(ArchiveCase.of("", "gzip", "-k", "long.txt").then("zcat", "long.txt.gz"));
        c.add(ArchiveCase.of("", "gzip", "-9", "-k", "tree/sub/deep/z.txt").then("zcat", "tree/sub/deep/z.txt.gz"));
        c.add(ArchiveCase.of("", "gzip", "-1", "-c", "b.txt").known("compressed bytes: zlib's, not gzip's"));
        c.add(ArchiveCase.of("", "zcat", "-S", ".z", "a.txt.gz"));
        c.add(ArchiveCase.of("", "zcat", "-c", "a.txt.gz"));
        c.add(ArchiveCase.of("", "zcat", "-d", "a.txt.gz"));
        c.add(ArchiveCase.of("", "zcat", "empty.txt"));
        c.add(ArchiveCase.of("", "zcat", "-f", "empty.txt"));
        c.add(ArchiveCase.of("", "zcat", "best.gz", "best.gz"));
        c.add(ArchiveCase.of("", "zcat", "-N", "nameless.gz"));
        c.add(ArchiveCase.of("", "zcat", "-k", "a.txt.gz"));
        c.add(ArchiveCase.of("", "zcat", "-v", "multi.gz"));
        c.add(ArchiveCase.of("", "zcat", "a.txt.gz", "junk.gz", "trunc.gz"));
    }

    private static void zip(List<ArchiveCase> c) {
        c.add(ArchiveCase.of("", "zip", "new.zip", "a.txt", "b.txt"));
        c.add(ArchiveCase.of("", "zip", "new.zip", "long.txt"));
        c.add(ArchiveCase.of("", "zip", "-r", "new.zip", "tree").unordered());
        c.add(ArchiveCase.of("", "zip", "-r", "new.zip", "other").unordered());
        c.add(ArchiveCase.of("", "zip", "-ry", "new.zip", "tree").unordered());
        c.add(ArchiveCase.of("", "zip", "-q", "-r", "new.zip", "tree"));
        c.add(ArchiveCase.of("", "zip", "-0", "new.zip", "long.txt"));
        c.add(ArchiveCase.of("", "zip", "-9", "new.zip", "long.txt", "para.txt"));
        c.add(ArchiveCase.of("", "zip", "-1", "new.zip", "list.txt"));
        c.add(ArchiveCase.of("", "zip", "-j", "new.zip", "tree/x.txt", "other/one.txt"));
        c.add(ArchiveCase.of("", "zip", "-r", "-j", "new.zip", "other").unordered());
        c.add(ArchiveCase.of("", "zip", "-r", "-D", "new.zip", "other").unordered());
        c.add(ArchiveCase.of("", "zip", "new.zip", "tree"));
        c.add(ArchiveCase.of("", "zip", "new.zip", "nothere"));
        c.add(ArchiveCase.of("", "zip", "new.zip", "a.txt", "nothere"));
        c.add(ArchiveCase.of("", "zip", "new", "a.txt"));
        c.add(ArchiveCase.of("", "zip", "g.zip", "b.txt"));
        c.add(ArchiveCase.of("", "zip", "g.zip", "a.txt"));
        c.add(ArchiveCase.of("", "zip", "-d", "g.zip", "a.txt"));
        c.add(ArchiveCase.of("", "zip", "-d", "g.zip", "tree/sub/*"));
        c.add(ArchiveCase.of("", "zip", "-d", "g.zip", "nothere"));
        c.add(ArchiveCase.of("", "zip", "-u", "g.zip", "a.txt"));
        c.add(ArchiveCase.of("", "zip", "-m", "new.zip", "a.txt", "b.txt"));
        c.add(ArchiveCase.of("", "zip", "-r", "new.zip", "tree", "-x", "*.txt").unordered());
        c.add(ArchiveCase.of("", "zip", "fake.zip", "a.txt"));
        c.add(ArchiveCase.of("", "zip", "-X", "new.zip", "a.txt"));
        c.add(ArchiveCase.of("", "zip", "new.zip", "empty.txt", "blank.txt"));
        c.add(ArchiveCase.of("", "zip", "new.zip", "nums.bin", "ctrl.bin", "strings.bin"));
        c.add(ArchiveCase.of("", "zip", "new.zip", "tree/sub/deep/z.txt"));
        c.add(ArchiveCase.of("", "zip", "-r", "new.zip", "longnames"));
        c.add(ArchiveCase.of("", "zip", "new.zip", "tree/link"));
        c.add(ArchiveCase.of("", "zip", "-y", "new.zip", "tree/link"));
        c.add(ArchiveCase.of("", "zip", "-q", "new.zip", "a.txt").then("unzip", "-l", "new.zip"));
        c.add(ArchiveCase.of("", "zip", "-q", "new.zip", "a.txt").then("zip", "new.zip", "b.txt"));
        c.add(ArchiveCase.of("", "zip", "-q", "-r", "new.zip", "other").then("unzip", "-t", "new.zip").unordered());
        c.add(ArchiveCase.of("", "zip", "-q", "-r", "new.zip", "tree").then("mkdir", "out")
                .then("unzip", "-q", "new.zip", "-d", "out"));
        c.add(ArchiveCase.of("", "zip", "-x"));
        c.add(ArchiveCase.of("", "zip", "new.zip", "csv.txt", "people.txt", "words.txt"));
        c.add(ArchiveCase.of("", "zip", "new.zip", "./a.txt"));
        c.add(ArchiveCase.of("", "zip", "-r", "new.zip", "tree/sub").unordered());
    }

    private static void unzip(List<ArchiveCase> c) {
        for (String archive : new String[] {"g.zip", "g9.zip", "g0.zip", "other.zip"}) {
            c.add(ArchiveCase.of("", "unzip", archive));
            c.add(ArchiveCase.of("", "unzip", "-l", archive));
            c.add(ArchiveCase.of("", "unzip", "-v", archive));
            c.add(ArchiveCase.of("", "unzip", "-t", archive));
            c.add(ArchiveCase.of("", "unzip", "-q", archive, "-d", "out"));
        }
        c.add(ArchiveCase.of("", "unzip", "-o", "g.zip"));
        c.add(ArchiveCase.of("", "unzip", "-n", "g.zip"));
        c.add(ArchiveCase.of("n\nn\n", "unzip", "g.zip", "a.txt"));
        c.add(ArchiveCase.of("y\n", "unzip", "g.zip", "a.txt"));
        c.add(ArchiveCase.of("A\n", "unzip", "g.zip"));
        c.add(ArchiveCase.of("N\n", "unzip", "g.zip"));
        c.add(ArchiveCase.of("", "unzip", "g.zip", "tree/x.txt", "-d", "out"));
        c.add(ArchiveCase.of("", "unzip", "g.zip", "tree/sub/*", "-d", "out"));
        c.add(ArchiveCase.of("", "unzip", "g.zip", "nothere", "-d", "out"));
        c.add(ArchiveCase.of("", "unzip", "g.zip", "-x", "tree/*", "-d", "out"));
        c.add(ArchiveCase.of("", "unzip", "-j", "g.zip", "-d", "out"));
        c.add(ArchiveCase.of("", "unzip", "-p", "g.zip", "tree/x.txt", "a.txt"));
        c.add(ArchiveCase.of("", "unzip", "-c", "g0.zip"));
        c.add(ArchiveCase.of("", "unzip", "-l", "g.zip", "*.txt"));
        c.add(ArchiveCase.of("", "unzip", "-l", "g.zip", "nothere"));
        c.add(ArchiveCase.of("", "unzip", "nothere.zip"));
        c.add(ArchiveCase.of("", "unzip", "nothere"));
        c.add(ArchiveCase.of("", "unzip", "fake.zip"));
        c.add(ArchiveCase.of("", "unzip", "-l", "a.txt"));
        c.add(ArchiveCase.of("", "unzip", "g", "-d", "out"));
        c.add(ArchiveCase.of("", "unzip", "-qq", "g.zip", "-d", "out"));
    }
}
