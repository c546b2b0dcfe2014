package io.sandkernel.coreutils;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The differential cases of md5sum, sha1sum, sha224sum, sha256sum, sha384sum, sha512sum, b2sum,
 * cksum, base64 and base32 against GNU coreutils, with checksum lists (good, corrupted,
 * misformatted, tagged, escaped) among the fixtures.
 */
final class DigestCases {
    private DigestCases() {}

    private static final String MD5_A = "6c7831c26f0d0a5f807006854aa682f4";
    private static final String MD5_B = "2094b601daac3d68f5aed51d3c20f7cd";
    private static final String SHA256_A = "4fdbc441ea7b546100e086ac1e4fc5ae6749b7314311c99db05be450eca12996";
    private static final String SHA1_A = "6cb493e15e2b527941e27b5a45c1d001a2ab31d7";
    private static final String SHA1_B = "c708d7ef841f7e1748436b8ef5670d0b2de1a227";
    private static final String B2_A = "e68e2f5b10cb778901b89ca26a5576f535eeec2185d0349c0486c41a1caf7e0e"
            + "edfb289a6058298cc7c39887d0d051023fd4a0d7e1abb47fdc623dd40fb36c7b";
    private static final String SHA512_A = "3aa105de7358fb8a318495e8868486c6cb652f7242a45a3e5cb6b0f28096d769"
            + "8f3ded963ad2dce69940672913282224301c60203aa24729fad52f5f51333155";

    private static final String[] TOOLS = {"md5sum", "sha1sum", "sha224sum", "sha256sum", "sha384sum", "sha512sum",
        "b2sum"};

    static final Map<String, String> FILES;

    static {
        Map<String, String> files = new LinkedHashMap<>(TextToolFixtures.FILES);
        files.put("good.md5", MD5_A + "  a.txt\n" + MD5_B + "  b.txt\n");
        files.put("bad.md5", "0" + MD5_A.substring(1) + "  a.txt\n" + MD5_B + "  b.txt\n");
        files.put("upper.md5", MD5_A.toUpperCase() + "  a.txt\n");
        files.put("binary.md5", MD5_A + " *a.txt\n");
        files.put("missing.md5", MD5_A + "  a.txt\n" + MD5_B + "  nothere.txt\n");
        files.put("mixed.md5", "# a comment\n\n" + MD5_A + "  a.txt\ngarbage line\n" + MD5_B + "  b.txt\n");
        files.put("garbage.md5", "not a checksum\nnor this\n");
        files.put("crlf.md5", MD5_A + "  a.txt\r\n");
        files.put("tagged.md5", "MD5 (a.txt) = " + MD5_A + "\nMD5 (b.txt) = " + MD5_B + "\n");
        files.put("tagged.sha1", "SHA1 (a.txt) = " + SHA1_A + "\nSHA1 (b.txt) = " + SHA1_B + "\n");
        files.put("good.sha256", SHA256_A + "  a.txt\n");
        files.put("good.b2", B2_A + "  a.txt\n");
        files.put("short.b2", "BLAKE2b-128 (b.txt) = f71d668fb51f4a7d2bf58c5f080db5f5\n");
        files.put("cksum.tags", "SHA512 (a.txt) = " + SHA512_A + "\nMD5 (b.txt) = " + MD5_B
                + "\nSM3 (b.txt) = 5a3de0998922e1406dedeab21ea807cb57100b4f473330f97524b2969c8dab49\n"
                + "BLAKE2b-128 (b.txt) = f71d668fb51f4a7d2bf58c5f080db5f5\n");
        files.put("cksum.bad", "SHA512 (a.txt) = " + SHA512_A.replace('3', '4') + "\nCRC (b.txt) = 123\n");
        files.put("reversed.md5", MD5_A + " a.txt\n");
        files.put("escaped.md5", "\\" + MD5_A + "  a\\\\b.txt\n");
        files.put("a\\b.txt", "alpha\nbeta\ngamma\n");
        files.put("dir.md5", MD5_A + "  dir\n");
        files.put("text.b64", "aGVsbG8gd29ybGQK\n");
        files.put("wrapped.b64", "YWxwaGEKYmV0YQpn\nYW1tYQo=\n");
        files.put("bad.b64", "aGVsbG8*d29ybGQK\n");
        files.put("text.b32", "NBSWY3DPEB3W64TMMQFA====\n");
        for (String tool : TOOLS) {
            String a = sum(tool, files.get("a.txt"));
            String b = sum(tool, files.get("b.txt"));
            String tag = tool.equals("b2sum") ? "BLAKE2b" : tool.replace("sum", "").toUpperCase(java.util.Locale.ROOT);
            files.put("good." + tool, a + "  a.txt\n" + b + " *b.txt\n");
            files.put("bad." + tool, a + "  a.txt\n" + (b.charAt(0) == '0' ? "1" : "0") + b.substring(1) + "  b.txt\n");
            files.put("tag." + tool, tag + " (a.txt) = " + a + "\n" + tag + " (b.txt) = " + b + "\n");
            files.put("mixed." + tool, "# comment\n" + a + "  a.txt\nnot a line\n" + b + "  nothere.txt\n");
        }
        FILES = Collections.unmodifiableMap(files);
    }


    /** The digest the tool prints for {@code content}, computed here independently of the commands. */
    private static String sum(String tool, String content) {
        byte[] bytes = content.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        try {
            if (tool.equals("b2sum")) {
                org.bouncycastle.crypto.digests.Blake2bDigest digest = new org.bouncycastle.crypto.digests.Blake2bDigest(512);
                digest.update(bytes, 0, bytes.length);
                byte[] out = new byte[64];
                digest.doFinal(out, 0);
                return java.util.HexFormat.of().formatHex(out);
            }
            String name = switch (tool) {
                case "md5sum" -> "MD5";
                case "sha1sum" -> "SHA-1";
                case "sha224sum" -> "SHA-224";
                case "sha256sum" -> "SHA-256";
                case "sha384sum" -> "SHA-384";
                default -> "SHA-512";
            };
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance(name).digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<TextCase> all() {
        List<TextCase> c = new ArrayList<>();
        for (String tool : new String[] {"md5sum", "sha1sum", "sha224sum", "sha256sum", "sha384sum", "sha512sum", "b2sum"}) {
            common(c, tool);
        }
        md5Check(c);
        b2sum(c);
        cksum(c);
        base(c, "base64");
        base(c, "base32");
        base64Only(c);
        return c;
    }

    private static void common(List<TextCase> c, String tool) {
        c.add(TextCase.of("", tool, "a.txt"));
        c.add(TextCase.of("", tool, "a.txt", "b.txt", "empty.txt"));
        c.add(TextCase.of("hello\n", tool));
        c.add(TextCase.of("hello\n", tool, "-", "a.txt"));
        c.add(TextCase.of("", tool, "-b", "a.txt"));
        c.add(TextCase.of("", tool, "-t", "a.txt"));
        c.add(TextCase.of("", tool, "--tag", "a.txt", "b.txt"));
        c.add(TextCase.of("", tool, "-z", "a.txt", "b.txt"));
        c.add(TextCase.of("", tool, "--tag", "-z", "a.txt"));
        c.add(TextCase.of("", tool, "a\\b.txt"));
        c.add(TextCase.of("", tool, "--tag", "a\\b.txt"));
        c.add(TextCase.of("", tool, "missing.txt", "a.txt"));
        c.add(TextCase.of("", tool, "dir"));
        c.add(TextCase.of("", tool, "--tag", "-t", "a.txt"));
        c.add(TextCase.of("", tool, "--quiet", "a.txt"));
        c.add(TextCase.of("", tool, "--status", "a.txt"));
        c.add(TextCase.of("", tool, "-c", "--tag", "good.md5"));
        c.add(TextCase.of("", tool, "-c", "-b", "good.md5"));
        c.add(TextCase.of("", tool, "-c", "-z", "good.md5"));
        c.add(TextCase.of("", tool, "-x"));
        c.add(TextCase.of("", tool, "-c", "garbage.md5"));
        c.add(TextCase.of("", tool, "-c", "missing.txt"));
        c.add(TextCase.of("", tool, "long.txt", "nums.bin", "ctrl.bin"));
        c.add(TextCase.of("", tool, "-c", "good." + tool));
        c.add(TextCase.of("", tool, "-c", "--quiet", "good." + tool));
        c.add(TextCase.of("", tool, "-c", "--status", "good." + tool));
        c.add(TextCase.of("", tool, "-c", "bad." + tool));
        c.add(TextCase.of("", tool, "-c", "--quiet", "bad." + tool));
        c.add(TextCase.of("", tool, "-c", "--status", "bad." + tool));
        c.add(TextCase.of("", tool, "-c", "tag." + tool));
        c.add(TextCase.of("", tool, "-c", "mixed." + tool));
        c.add(TextCase.of("", tool, "-c", "-w", "mixed." + tool));
        c.add(TextCase.of("", tool, "-c", "--strict", "mixed." + tool));
        c.add(TextCase.of("", tool, "-c", "--ignore-missing", "mixed." + tool));
        c.add(TextCase.of("", tool, "--check", "good." + tool, "tag." + tool));
        c.add(TextCase.of("", tool, "-c", "good." + tool, "missing.sum"));
        c.add(TextCase.of("", tool, "--tag", "-b", "a.txt"));
        c.add(TextCase.of("", tool, "-b", "--tag", "-z", "b.txt"));
        c.add(TextCase.of("", tool, "-c", "dir"));
        c.add(TextCase.of("", tool, "--", "a.txt"));
        c.add(TextCase.of("", tool, "--binary", "--text", "a.txt"));
    }

    private static void md5Check(List<TextCase> c) {
        c.add(TextCase.of("", "md5sum", "-c", "good.md5"));
        c.add(TextCase.of("", "md5sum", "--check", "--quiet", "good.md5"));
        c.add(TextCase.of("", "md5sum", "-c", "--status", "good.md5"));
        c.add(TextCase.of("", "md5sum", "-c", "bad.md5"));
        c.add(TextCase.of("", "md5sum", "-c", "--quiet", "bad.md5"));
        c.add(TextCase.of("", "md5sum", "-c", "--status", "bad.md5"));
        c.add(TextCase.of("", "md5sum", "-c", "upper.md5"));
        c.add(TextCase.of("", "md5sum", "-c", "binary.md5"));
        c.add(TextCase.of("", "md5sum", "-c", "missing.md5"));
        c.add(TextCase.of("", "md5sum", "-c", "--ignore-missing", "missing.md5"));
        c.add(TextCase.of("", "md5sum", "-c", "--ignore-missing", "dir.md5"));
        c.add(TextCase.of("", "md5sum", "-c", "mixed.md5"));
        c.add(TextCase.of("", "md5sum", "-c", "-w", "mixed.md5"));
        c.add(TextCase.of("", "md5sum", "-c", "--strict", "mixed.md5"));
        c.add(TextCase.of("", "md5sum", "-c", "--warn", "--strict", "garbage.md5"));
        c.add(TextCase.of("", "md5sum", "-c", "crlf.md5"));
        c.add(TextCase.of("", "md5sum", "-c", "tagged.md5"));
        c.add(TextCase.of("", "md5sum", "-c", "reversed.md5"));
        c.add(TextCase.of("", "md5sum", "-c", "escaped.md5"));
        c.add(TextCase.of("", "md5sum", "-c", "dir.md5"));
        c.add(TextCase.of("", "md5sum", "-c", "good.md5", "bad.md5", "garbage.md5"));
        c.add(TextCase.of(MD5_A + "  a.txt\n", "md5sum", "-c"));
        c.add(TextCase.of(MD5_A + "  a.txt\n", "md5sum", "-c", "-"));
        c.add(TextCase.of(MD5_A + "  -\n", "md5sum", "-c"));
        c.add(TextCase.of("", "md5sum", "-c", "tagged.sha1"));
        c.add(TextCase.of("", "sha1sum", "-c", "tagged.sha1"));
        c.add(TextCase.of("", "sha1sum", "-c", "good.md5"));
        c.add(TextCase.of("", "sha256sum", "-c", "good.sha256"));
        c.add(TextCase.of("", "sha256sum", "--ignore-missing", "a.txt"));
        c.add(TextCase.of("", "sha256sum", "--strict", "a.txt"));
        c.add(TextCase.of("", "sha256sum", "-w", "a.txt"));
    }

    private static void b2sum(List<TextCase> c) {
        c.add(TextCase.of("", "b2sum", "-l", "128", "a.txt"));
        c.add(TextCase.of("", "b2sum", "-l", "8", "a.txt", "b.txt"));
        c.add(TextCase.of("", "b2sum", "-l", "256", "--tag", "a.txt"));
        c.add(TextCase.of("", "b2sum", "-l", "512", "--tag", "a.txt"));
        c.add(TextCase.of("", "b2sum", "-l", "12", "a.txt"));
        c.add(TextCase.of("", "b2sum", "-l", "1024", "a.txt"));
        c.add(TextCase.of("", "b2sum", "-l", "x", "a.txt"));
        c.add(TextCase.of("", "b2sum", "-c", "good.b2"));
        c.add(TextCase.of("", "b2sum", "-c", "short.b2"));
        c.add(TextCase.of("", "b2sum", "-c", "good.md5"));
    }

    private static void cksum(List<TextCase> c) {
        c.add(TextCase.of("", "cksum", "a.txt"));
        c.add(TextCase.of("", "cksum", "a.txt", "b.txt", "empty.txt", "long.txt"));
        c.add(TextCase.of("hello\n", "cksum"));
        c.add(TextCase.of("", "cksum", "-"));
        for (String algorithm : new String[] {"bsd", "sysv", "crc", "md5", "sha1", "sha224", "sha256", "sha384",
            "sha512", "blake2b", "sm3"}) {
            c.add(TextCase.of("", "cksum", "-a", algorithm, "a.txt", "long.txt"));
            c.add(TextCase.of("xyz", "cksum", "-a", algorithm));
        }
        c.add(TextCase.of("", "cksum", "-a", "sha256", "--untagged", "a.txt", "b.txt"));
        c.add(TextCase.of("", "cksum", "-a", "blake2b", "-l", "128", "a.txt"));
        c.add(TextCase.of("", "cksum", "-a", "blake2b", "-l", "128", "--untagged", "a.txt"));
        c.add(TextCase.of("", "cksum", "-a", "md5", "-l", "128", "a.txt"));
        c.add(TextCase.of("", "cksum", "-a", "nope", "a.txt"));
        c.add(TextCase.of("", "cksum", "-a", "sha51", "a.txt"));
        c.add(TextCase.of("", "cksum", "-z", "a.txt"));
        c.add(TextCase.of("", "cksum", "-a", "md5", "-z", "a.txt", "b.txt"));
        c.add(TextCase.of("", "cksum", "-c", "cksum.tags"));
        c.add(TextCase.of("", "cksum", "-c", "cksum.bad"));
        c.add(TextCase.of("", "cksum", "-c", "-w", "cksum.bad"));
        c.add(TextCase.of("", "cksum", "-c", "good.md5"));
        c.add(TextCase.of("", "cksum", "-c", "tagged.md5"));
        c.add(TextCase.of("", "cksum", "-a", "md5", "-c", "good.md5"));
        c.add(TextCase.of("", "cksum", "-a", "md5", "-c", "tagged.md5"));
        c.add(TextCase.of("", "cksum", "-a", "sha1", "-c", "tagged.md5"));
        c.add(TextCase.of("", "cksum", "-a", "blake2b", "-c", "good.b2"));
        c.add(TextCase.of("", "cksum", "-a", "crc", "-c", "good.md5"));
        c.add(TextCase.of("", "cksum", "-c", "--status", "cksum.tags"));
        c.add(TextCase.of("", "cksum", "missing.txt", "a.txt"));
        c.add(TextCase.of("", "cksum", "dir"));
        c.add(TextCase.of("", "cksum", "--tag", "a.txt"));
        c.add(TextCase.of("", "cksum", "-a", "sha1", "a\\b.txt"));
    }

    private static void base(List<TextCase> c, String tool) {
        c.add(TextCase.of("", tool, "a.txt"));
        c.add(TextCase.of("", tool, "long.txt"));
        c.add(TextCase.of("", tool, "-w", "0", "long.txt"));
        c.add(TextCase.of("", tool, "-w", "10", "long.txt"));
        c.add(TextCase.of("", tool, "--wrap=1", "b.txt"));
        c.add(TextCase.of("", tool, "nums.bin"));
        c.add(TextCase.of("", tool, "ctrl.bin"));
        c.add(TextCase.of("", tool, "empty.txt"));
        c.add(TextCase.of("", tool, "-w", "0", "empty.txt"));
        for (String input : new String[] {"a", "ab", "abc", "abcd", "abcde", "abcdef", "hello world\n"}) {
            c.add(TextCase.of(input, tool));
        }
        c.add(TextCase.of("hello\n", tool, "-"));
        c.add(TextCase.of("", tool, "-w", "x", "a.txt"));
        c.add(TextCase.of("", tool, "-w", "-1", "a.txt"));
        c.add(TextCase.of("", tool, "a.txt", "b.txt"));
        c.add(TextCase.of("", tool, "missing.txt"));
        c.add(TextCase.of("", tool, "dir"));
        c.add(TextCase.of("", tool, "-d", "dir"));
        c.add(TextCase.of("", tool, "-d", "a.txt"));
        c.add(TextCase.of("", tool, "-d", "-i", "a.txt"));
        c.add(TextCase.of("", tool, "-d", "empty.txt"));
        c.add(TextCase.of("", tool, "-x"));
        c.add(TextCase.of("", tool, "-d", "text.b32"));
        c.add(TextCase.of("", tool, "-d", "text.b64"));
        c.add(TextCase.of("", tool, "-d", "-i", "text.b64"));
    }

    private static void base64Only(List<TextCase> c) {
        c.add(TextCase.of("", "base64", "-d", "wrapped.b64"));
        c.add(TextCase.of("", "base64", "-d", "bad.b64"));
        c.add(TextCase.of("", "base64", "-d", "-i", "bad.b64"));
        c.add(TextCase.of("", "base64", "--decode", "--ignore-garbage", "wrapped.b64"));
        for (String input : new String[] {"YQ", "YQ==", "YWJj", "YW Jj", "YW\nJj", "Y!Q==", "YQ==YQ==", "YQ=",
            "YWJjZA==\n\n", "====", "YQ==x", "\n\n", "YWJ\njZGVm\nZw=="}) {
            c.add(TextCase.of(input, "base64", "-d"));
        }
        c.add(TextCase.of("Y!Q==", "base64", "-d", "-i"));
        c.add(TextCase.of("YW Jj", "base64", "-di"));
        for (String input : new String[] {"ME", "ME======", "MFRGG===", "mfrgg===", "MFRGGZDF", "MFRGGZDFMY======",
            "MFRG\nGZDF", "MF!RGG===", "MFRGG===MFRGG===", "M=======", "MFR====="}) {
            c.add(TextCase.of(input, "base32", "-d"));
        }
        c.add(TextCase.of("MF!RGG===", "base32", "-d", "-i"));
    }
}
