package io.sandkernel.coreutils;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZonedDateTime;

/**
 * What file(1) (libmagic 5.44) says of a file's first bytes: the binary formats scripts meet
 * (ELF, gzip, zip, tar, PNG, JPEG, PDF, WebAssembly), JSON, HTML and XML documents, {@code #!}
 * scripts by interpreter, and text by encoding (ASCII, UTF-8, ISO-8859) with its line
 * terminators, escape sequences, overstriking and very long lines; "data" otherwise. Each
 * result carries the MIME type {@code file -i} prints.
 */
final class FileMagic {
    /** A description and its MIME type and charset. */
    record Kind(String description, String mime, String charset) {}

    /** Lines longer than this are "very long" (libmagic's MAXLINELEN). */
    private static final int LONG_LINE = 300;

    private FileMagic() {}

    /**
     * Classifies {@code data}, the first {@code length} bytes of a regular file of {@code size}
     * bytes whose last four bytes, little-endian, are {@code trailer} (-1 when too short).
     */
    static Kind classify(byte[] data, int length, long size, long trailer, Strftime.Zone zone) {
        if (size == 0) {
            return new Kind("empty", "inode/x-empty", "binary");
        }
        if (length == 1) {
            return new Kind("very short file (no magic)", "application/octet-stream", "binary");
        }
        Kind binary = binary(data, length, trailer, zone);
        if (binary != null) {
            return binary;
        }
        Text text = Text.of(data, length, length < size);
        if (text == null) {
            return new Kind("data", "application/octet-stream", "binary");
        }
        String charset = text.encoding.startsWith("ASCII") ? "us-ascii"
                : text.encoding.startsWith("Unicode") ? "utf-8" : "iso-8859-1";
        String content = new String(data, 0, length, StandardCharsets.ISO_8859_1);
        if (content.startsWith("#!")) {
            return script(content, text, charset);
        }
        String trimmed = content.stripLeading();
        if (text.encoding.startsWith("ASCII") && MagicJson.isDocument(trimmed)) {
            return new Kind("JSON text data", "application/json", charset);
        }
        String lower = trimmed.toLowerCase(java.util.Locale.ROOT);
        if (lower.startsWith("<!doctype html") || lower.startsWith("<html")) {
            return new Kind("HTML document, " + text.encoding + text.suffix, "text/html", charset);
        }
        if (content.startsWith("<?xml version=\"1.0\"") || content.startsWith("<?xml version='1.0'")) {
            return new Kind("XML 1.0 document, " + text.encoding + text.suffix, "text/xml", charset);
        }
        return new Kind(text.encoding + text.suffix, "text/plain", charset);
    }

    private static Kind binary(byte[] d, int n, long trailer, Strftime.Zone zone) {
        if (starts(d, n, 0x7f, 'E', 'L', 'F') && n >= 20) {
            return elf(d, n);
        }
        if (starts(d, n, 0x1f, 0x8b) && n >= 10) {
            return gzip(d, n, trailer, zone);
        }
        if (starts(d, n, 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n') && n >= 29) {
            return png(d);
        }
        if (starts(d, n, 0xff, 0xd8, 0xff)) {
            return new Kind(MagicJpeg.describe(d, n), "image/jpeg", "binary");
        }
        if (starts(d, n, '%', 'P', 'D', 'F', '-') && n >= 8) {
            String version = new String(d, 5, 3, StandardCharsets.ISO_8859_1);
            return new Kind("PDF document, version " + version, "application/pdf", "us-ascii");
        }
        if (starts(d, n, 0, 'a', 's', 'm') && n >= 8) {
            int version = u32le(d, 4);
            return new Kind("WebAssembly (wasm) binary module version 0x" + Integer.toHexString(version)
                    + (version == 1 ? " (MVP)" : ""), "application/wasm", "binary");
        }
        if (starts(d, n, 'P', 'K', 3, 4) && n >= 30) {
            int needed = u16le(d, 4);
            int method = u16le(d, 8);
            String methodName = switch (method) {
                case 0 -> "store";
                case 8 -> "deflate";
                case 12 -> "bzip2";
                case 14 -> "lzma";
                default -> Integer.toString(method);
            };
            return new Kind("Zip archive data, at least v" + needed / 10 + "." + needed % 10 + " to extract, "
                    + "compression method=" + methodName, "application/zip", "binary");
        }
        if (n >= 263 && new String(d, 257, 5, StandardCharsets.ISO_8859_1).equals("ustar")) {
            boolean gnu = d[262] == ' ';
            return new Kind(gnu ? "POSIX tar archive (GNU)" : "POSIX tar archive", "application/x-tar", "binary");
        }
        return null;
    }

    private static Kind elf(byte[] d, int n) {
        boolean wide = d[4] == 2;
        boolean little = d[5] != 2;
        int type = little ? u16le(d, 16) : ((d[16] & 0xff) << 8 | (d[17] & 0xff));
        int machine = little ? u16le(d, 18) : ((d[18] & 0xff) << 8 | (d[19] & 0xff));
        String typeName = switch (type) {
            case 1 -> "relocatable";
            case 2 -> "executable";
            case 3 -> "shared object";
            case 4 -> "core file";
            default -> "unknown type " + type;
        };
        String machineName = switch (machine) {
            case 3 -> "Intel 80386";
            case 40 -> "ARM";
            case 62 -> "x86-64";
            case 183 -> "ARM aarch64";
            case 243 -> "UCB RISC-V";
            case 8 -> "MIPS";
            case 20 -> "PowerPC";
            case 21 -> "64-bit PowerPC or cisco 7500";
            default -> "unknown arch 0x" + Integer.toHexString(machine);
        };
        String abi = (d[7] & 0xff) == 3 ? "GNU/Linux" : "SYSV";
        String mime = type == 3 ? "application/x-sharedlib" : type == 1 ? "application/x-object"
                : type == 4 ? "application/x-coredump" : "application/x-executable";
        return new Kind("ELF " + (wide ? "64" : "32") + "-bit " + (little ? "LSB" : "MSB") + " " + typeName + ", "
                + machineName + ", version " + (d[6] & 0xff) + " (" + abi + ")", mime, "binary");
    }

    private static Kind gzip(byte[] d, int n, long trailer, Strftime.Zone zone) {
        int flags = d[3] & 0xff;
        long mtime = u32le(d, 4) & 0xffffffffL;
        StringBuilder text = new StringBuilder("gzip compressed data");
        int at = 10;
        if ((flags & 4) != 0 && n >= 12) {
            at += 2 + u16le(d, 10);
        }
        if ((flags & 8) != 0) {
            int end = at;
            while (end < n && d[end] != 0) {
                end++;
            }
            text.append(", was \"").append(new String(d, at, Math.max(0, end - at), StandardCharsets.ISO_8859_1)).append('"');
        }
        if (mtime != 0) {
            ZonedDateTime time = Instant.ofEpochSecond(mtime).atZone(zone.id());
            text.append(", last modified: ").append(Strftime.format("%a %b %e %H:%M:%S %Y", time, zone));
        }
        int extra = d[8] & 0xff;
        if (extra == 2) {
            text.append(", max compression");
        } else if (extra == 4) {
            text.append(", max speed");
        }
        text.append(switch (d[9] & 0xff) {
            case 0 -> ", from FAT filesystem (MS-DOS, OS/2, NT)";
            case 3 -> ", from Unix";
            case 7 -> ", from Macintosh";
            case 11 -> ", from NTFS filesystem (NT)";
            default -> "";
        });
        if (trailer >= 0) {
            text.append(", original size modulo 2^32 ").append(trailer);
        }
        return new Kind(text.toString(), "application/gzip", "binary");
    }

    private static Kind png(byte[] d) {
        long width = u32be(d, 16);
        long height = u32be(d, 20);
        int depth = d[24] & 0xff;
        String color = switch (d[25] & 0xff) {
            case 0 -> depth + "-bit grayscale";
            case 2 -> depth + "-bit/color RGB";
            case 3 -> depth + "-bit colormap";
            case 4 -> depth + "-bit gray+alpha";
            case 6 -> depth + "-bit/color RGBA";
            default -> depth + "-bit";
        };
        String interlace = (d[28] & 0xff) == 1 ? "interlaced" : "non-interlaced";
        return new Kind("PNG image data, " + width + " x " + height + ", " + color + ", " + interlace, "image/png", "binary");
    }

    private static Kind script(String content, Text text, String charset) {
        int end = content.indexOf('\n');
        String line = (end < 0 ? content : content.substring(0, end)).substring(2).strip().replace("\r", "");
        String[] words = line.split("\\s+");
        String interpreter = words.length == 0 ? "" : words[0];
        String program = interpreter;
        if (interpreter.endsWith("/env") && words.length > 1) {
            program = words[1];
        }
        String base = program.substring(program.lastIndexOf('/') + 1);
        boolean viaEnv = !program.equals(interpreter);
        String enc = text.encoding;
        String rest = text.suffix;
        if ((interpreter.equals("/bin/sh") || interpreter.equals("/usr/bin/sh")) && !viaEnv) {
            return new Kind("POSIX shell script, " + enc + " executable" + rest, "text/x-shellscript", charset);
        }
        if (base.equals("bash")) {
            return new Kind("Bourne-Again shell script, " + enc + " executable" + rest, "text/x-shellscript", charset);
        }
        if (base.equals("zsh")) {
            return new Kind("Paul Falstad's zsh script, " + enc + " executable" + rest, "text/x-shellscript", charset);
        }
        if (base.startsWith("python")) {
            return new Kind("Python script, " + enc + " executable" + rest, "text/x-script.python", charset);
        }
        if (base.equals("perl")) {
            return new Kind("Perl script text executable" + rest, "text/x-perl", charset);
        }
        if (base.equals("ruby")) {
            return new Kind("Ruby script, " + enc + " executable" + rest, "text/x-ruby", charset);
        }
        if (base.equals("node") || base.equals("nodejs")) {
            return new Kind("Node.js script executable, " + enc + rest, "application/javascript", charset);
        }
        if (base.equals("awk") || base.equals("gawk")) {
            return new Kind("awk script, " + enc + " executable" + rest, "text/x-awk", charset);
        }
        String shown = viaEnv ? program : interpreter;
        return new Kind("a " + shown + " script, " + enc + " executable" + rest, "text/plain", charset);
    }

    /** The encoding and line description of text, or null for binary data. */
    private record Text(String encoding, String suffix) {
        static Text of(byte[] d, int n, boolean truncated) {
            boolean ascii = true;
            boolean latin1 = true;
            for (int i = 0; i < n; i++) {
                int b = d[i] & 0xff;
                if (b < 0x80) {
                    if (!textByte(b)) {
                        return null;
                    }
                } else {
                    ascii = false;
                    latin1 &= b >= 0xa0;
                }
            }
            String encoding;
            if (ascii) {
                encoding = "ASCII text";
            } else if (validUtf8(d, n, truncated)) {
                encoding = "Unicode text, UTF-8" + (starts(d, n, 0xef, 0xbb, 0xbf) ? " (with BOM)" : "") + " text";
            } else if (latin1) {
                encoding = "ISO-8859 text";
            } else {
                encoding = "Non-ISO extended-ASCII text";
            }
            return new Text(encoding, lines(d, n));
        }

        private static boolean textByte(int b) {
            return (b >= 7 && b <= 13) || b == 27 || (b >= 32 && b < 127);
        }

        private static String lines(byte[] d, int n) {
            int crlf = 0;
            int cr = 0;
            int lf = 0;
            int longest = 0;
            int current = 0;
            boolean escapes = false;
            boolean backspace = false;
            for (int i = 0; i < n; i++) {
                int b = d[i] & 0xff;
                if (b == '\r' && i + 1 < n && d[i + 1] == '\n') {
                    crlf++;
                    i++;
                    current = 0;
                } else if (b == '\r') {
                    cr++;
                    current = 0;
                } else if (b == '\n') {
                    lf++;
                    current = 0;
                } else {
                    current++;
                    longest = Math.max(longest, current);
                    escapes |= b == 27;
                    backspace |= b == 8;
                }
            }
            StringBuilder text = new StringBuilder();
            if (longest > LONG_LINE) {
                text.append(", with very long lines (").append(longest).append(')');
            }
            if (crlf == 0 && cr == 0 && lf == 0) {
                text.append(", with no line terminators");
            } else if (crlf > 0 || cr > 0) {
                StringBuilder kinds = new StringBuilder();
                if (crlf > 0) {
                    kinds.append("CRLF");
                }
                if (cr > 0) {
                    kinds.append(kinds.isEmpty() ? "" : ", ").append("CR");
                }
                if (lf > 0) {
                    kinds.append(kinds.isEmpty() ? "" : ", ").append("LF");
                }
                text.append(", with ").append(kinds).append(" line terminators");
            }
            if (escapes) {
                text.append(", with escape sequences");
            }
            if (backspace) {
                text.append(", with overstriking");
            }
            return text.toString();
        }

        private static boolean validUtf8(byte[] d, int n, boolean truncated) {
            int i = 0;
            while (i < n) {
                int b = d[i] & 0xff;
                int extra = b < 0x80 ? 0 : b >= 0xc2 && b < 0xe0 ? 1 : b >= 0xe0 && b < 0xf0 ? 2 : b >= 0xf0 && b < 0xf5 ? 3 : -1;
                if (extra < 0) {
                    return false;
                }
                if (i + extra >= n && extra > 0) {
                    return truncated; // a character cut by the end of the sample, not of the file
                }
                for (int k = 1; k <= extra; k++) {
                    if ((d[i + k] & 0xc0) != 0x80) {
                        return false;
                    }
                }
                i += extra + 1;
            }
            return true;
        }
    }

    static boolean starts(byte[] d, int n, int... prefix) {
        if (n < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((d[i] & 0xff) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    static int u16le(byte[] d, int at) {
        return (d[at] & 0xff) | (d[at + 1] & 0xff) << 8;
    }

    static int u32le(byte[] d, int at) {
        return (d[at] & 0xff) | (d[at + 1] & 0xff) << 8 | (d[at + 2] & 0xff) << 16 | (d[at + 3] & 0xff) << 24;
    }

    static long u32be(byte[] d, int at) {
        return ((long) (d[at] & 0xff) << 24) | (d[at + 1] & 0xff) << 16 | (d[at + 2] & 0xff) << 8 | (d[at + 3] & 0xff);
    }
}
