package io.sandkernel.coreutils;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/**
 * The file trees the differential tables run on: fixed times for the dates they print, times
 * relative to the start of the run for find's age tests (days and hours away from any boundary),
 * files of several sizes, a hidden file, empty and nested directories, symbolic links (good,
 * to a directory, dangling), a hard link, a name with a space and files of known types.
 */
final class OracleFixtures {
    /** When the run started; relative times are measured from it. */
    static final Instant NOW = Instant.now();
    static final Instant JAN_2024 = Instant.parse("2024-01-15T10:20:30Z");
    static final Instant JUN_2023 = Instant.parse("2023-06-01T00:00:00Z");
    static final Instant MAR_2020 = Instant.parse("2020-03-01T12:00:00.250Z");

    private OracleFixtures() {}

    static FileTreeFixture standard() {
        return new FileTreeFixture()
                .file("a.txt", "alpha\nbeta\ngamma\n", 0644, JAN_2024)
                .file("b.txt", "one\ntwo\n", 0644, JUN_2023)
                .file("empty", "", 0644, JAN_2024)
                .file("exec.sh", "#!/bin/sh\necho hi\n", 0755, JAN_2024)
                .file("readonly.txt", "ro\n", 0444, JAN_2024)
                .file("big.bin", "x".repeat(5000), 0600, MAR_2020)
                .file("space name.txt", "spaced\n", 0644, JAN_2024)
                .file("recent.txt", "new\n", 0644, NOW.minus(Duration.ofMinutes(150)))
                .file("old.txt", "old\n", 0644, NOW.minus(Duration.ofHours(10 * 24 + 12)))
                .file("dir/x.txt", "hello from x\n", 0644, JAN_2024)
                .file("dir/UPPER.TXT", "upper\n", 0640, JAN_2024)
                .file("dir/.hidden", "h\n", 0600, JAN_2024)
                .file("dir/sub/y.txt", "y here\n", 0644, JUN_2023)
                .file("dir/sub/deep/z.log", "zzz\n", 0664, MAR_2020)
                .directory("dir/sub/deep", 0755, MAR_2020)
                .directory("dir/sub", 0750, JUN_2023)
                .directory("dir/empty-dir", 0700, JAN_2024)
                .directory("dir", 0755, JAN_2024)
                .symlink("a.txt", "link")
                .symlink("dir", "dirlink")
                .symlink("missing", "broken")
                .hardLink("b.txt", "hard");
    }

    /** Files of known types for file(1). */
    static FileTreeFixture types() {
        return new FileTreeFixture()
                .file("ascii", "hello\n")
                .file("crlf", "hello\r\nworld\r\n")
                .file("cr", "a\rb\r")
                .file("mixed", "a\r\nb\nc\r\n")
                .file("nonl", "no newline")
                .file("utf8", "h\u00e9llo\n")
                .file("bom", "\ufeffbom\n")
                .file("latin1", new byte[] {'c', 'a', 'f', (byte) 0xe9, '\n'}, 0644, null)
                .file("ctrl", new byte[] {'a', 1, 'b', '\n'}, 0644, null)
                .file("nul", new byte[] {'a', 'b', 0, 'c', '\n'}, 0644, null)
                .file("esc", "line\n\u001b[1m\n")
                .file("over", "a\bb\n")
                .file("long", "x".repeat(400) + "\n")
                .file("empty", "")
                .file("one", "a")
                .file("sh", "#!/bin/sh\necho hi\n", 0755, null)
                .file("spacebang", "#! /bin/sh\necho\n")
                .file("shcrlf", "#!/bin/sh\r\necho\r\n")
                .file("bash", "#!/bin/bash\necho hi\n")
                .file("envbash", "#!/usr/bin/env bash\n")
                .file("envsh", "#!/usr/bin/env sh\n")
                .file("py", "#!/usr/bin/env python3\nprint(1)\n")
                .file("perl", "#!/usr/bin/perl\nprint 1;\n")
                .file("node", "#!/usr/bin/env node\n")
                .file("dash", "#!/bin/dash\n")
                .file("json", "{\"a\": [1, 2], \"b\": \"x\"}\n")
                .file("jsonarr", "[1,2]\n")
                .file("jsonbad", "{\"a\": }\n")
                .file("jsonnum", "123\n")
                .file("html", "<!DOCTYPE html>\n<html></html>\n")
                .file("xml", "<?xml version=\"1.0\"?>\n<a/>\n")
                .file("pdf", "%PDF-1.4\n%%EOF\n")
                .file("wasm", new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0}, 0644, null)
                .file("png", bytes(0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R',
                        0, 0, 0, 2, 0, 0, 0, 3, 8, 6, 0, 0, 0, 0x1f, 0x15, 0xc4, 0x89), 0644, null)
                .file("jpg", bytes(0xff, 0xd8, 0xff, 0xe0, 0, 16, 'J', 'F', 'I', 'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0),
                        0644, null)
                .file("elf", bytes(0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0x3e, 0, 1, 0, 0, 0),
                        0644, null)
                .file("elf32", bytes(0x7f, 'E', 'L', 'F', 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 3, 0, 1, 0, 0, 0),
                        0644, null)
                .file("gz", bytes(0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 0xcb, 0x48, 0xcd, 0xc9, 0xc9, 0x07, 0, 0x86,
                        0xa6, 0x10, 0x36, 5, 0, 0, 0), 0644, null)
                .file("gzname", gzipNamed(), 0644, null)
                .file("zip", zip(), 0644, null)
                .file("tar", tar(), 0644, null)
                .file("data", bytes(0, 1, 2, 3, 0xff, 0xfe), 0644, null)
                .directory("dir")
                .symlink("ascii", "lnk")
                .symlink("missing", "broken");
    }

    static byte[] bytes(int... values) {
        byte[] data = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            data[i] = (byte) values[i];
        }
        return data;
    }

    /** "hi" gzipped with the name "named.txt" and a modification time, as gzip leaves them. */
    private static byte[] gzipNamed() {
        byte[] name = "named.txt".getBytes(StandardCharsets.ISO_8859_1);
        byte[] head = bytes(0x1f, 0x8b, 8, 8, 0x80, 0x3c, 0xa5, 0x65, 0, 3);
        byte[] body = bytes(0xcb, 0xc8, 0x04, 0, 0xac, 0x2a, 0x93, 0xd8, 2, 0, 0, 0);
        byte[] all = new byte[head.length + name.length + 1 + body.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(name, 0, all, head.length, name.length);
        System.arraycopy(body, 0, all, head.length + name.length + 1, body.length);
        return all;
    }

    /** A zip with one stored entry "a.txt" holding "hi". */
    private static byte[] zip() {
        try {
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(bytes)) {
                java.util.zip.ZipEntry entry = new java.util.zip.ZipEntry("a.txt");
                entry.setMethod(java.util.zip.ZipEntry.STORED);
                byte[] data = "hi".getBytes(StandardCharsets.US_ASCII);
                java.util.zip.CRC32 crc = new java.util.zip.CRC32();
                crc.update(data);
                entry.setSize(data.length);
                entry.setCrc(crc.getValue());
                zip.putNextEntry(entry);
                zip.write(data);
                zip.closeEntry();
            }
            return bytes.toByteArray();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A one-entry tar in GNU format ("ustar  "). */
    private static byte[] tar() {
        byte[] block = new byte[1024 + 512];
        byte[] name = "a.txt".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(name, 0, block, 0, name.length);
        put(block, 100, "0000644\0");
        put(block, 108, "0000000\0");
        put(block, 116, "0000000\0");
        put(block, 124, "00000000003\0");
        put(block, 136, "14547222356\0");
        put(block, 148, "        ");
        block[156] = '0';
        put(block, 257, "ustar  \0");
        int sum = 0;
        for (int i = 0; i < 512; i++) {
            sum += block[i] & 0xff;
        }
        put(block, 148, String.format("%06o\0 ", sum));
        put(block, 512, "hi\n");
        return block;
    }

    private static void put(byte[] block, int at, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(bytes, 0, block, at, bytes.length);
    }
}
