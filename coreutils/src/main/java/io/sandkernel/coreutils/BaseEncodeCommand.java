package io.sandkernel.coreutils;

import io.sandkernel.KernelException;
import io.sandkernel.api.Program;
import io.sandkernel.api.ProcessApi;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;

/**
 * base64 and base32 [-d [-i]] [-w COLS] [FILE]: RFC 4648 encoding wrapped at 76 columns (none
 * with {@code -w 0}), or decoding as gnulib's decoders do: newlines are skipped (and, with
 * {@code -i}, anything outside the alphabet), full quanta decode, and at the first bad one the
 * bytes decoded so far are written before "invalid input" (status 1).
 */
final class BaseEncodeCommand implements Program {
    private static final Options.Parser PARSER = new Options.Parser("diw:", "decode:d", "ignore-garbage:i", "wrap:w");
    private static final String BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    private final String name;
    private final boolean base64;
    private final String alphabet;

    BaseEncodeCommand(String name) {
        this.name = name;
        this.base64 = name.equals("base64");
        this.alphabet = base64 ? BASE64 : BASE32;
    }

    @Override
    public int run(ProcessApi process) throws Exception {
        Options options = PARSER.parse(process.args());
        long wrap = 76;
        for (Options.Given given : options.given()) {
            if (given.option() == 'w') {
                NumberArgs.Parsed parsed = NumberArgs.parse(given.value(), 10, "");
                if (parsed.status() != NumberArgs.Status.OK && parsed.status() != NumberArgs.Status.OVERFLOW) {
                    throw UsageException.withoutHint("invalid wrap size: " + Quoting.quote(given.value()));
                }
                wrap = parsed.value();
            }
        }
        List<String> operands = options.operands();
        if (operands.size() > 1) {
            throw new UsageException("extra operand " + Quoting.quote(operands.get(1)));
        }
        String file = operands.isEmpty() ? "-" : operands.get(0);
        Diagnostics diagnostics = new Diagnostics(process, name);
        InputStream in;
        try {
            in = InputFiles.open(process, file);
        } catch (KernelException e) {
            throw UsageException.withoutHint(Diagnostics.quoteIfNeeded(file) + ": " + Diagnostics.describe(e));
        }
        OutputStream out = ByteText.stdout(process);
        try {
            if (options.has('d')) {
                return decode(process, in, out, options.has('i'), diagnostics, file);
            }
            encode(in, out, wrap);
            return 0;
        } catch (KernelException | IOException e) {
            out.flush();
            throw UsageException.withoutHint("read error: " + Diagnostics.describe(e));
        } finally {
            out.flush();
            InputFiles.close(process, in);
        }
    }

    private void encode(InputStream in, OutputStream out, long wrap) throws IOException {
        int quantum = base64 ? 3 : 5;
        byte[] buffer = new byte[quantum * 4096];
        byte[] pending = new byte[quantum];
        int pendingLength = 0;
        long column = 0;
        int n;
        StringBuilder text = new StringBuilder();
        while ((n = in.read(buffer)) > 0) {
            for (int i = 0; i < n; i++) {
                pending[pendingLength++] = buffer[i];
                if (pendingLength == quantum) {
                    column = emit(text, pending, pendingLength, wrap, column);
                    pendingLength = 0;
                }
            }
            ByteText.write(out, text.toString());
            text.setLength(0);
        }
        if (pendingLength > 0) {
            column = emit(text, pending, pendingLength, wrap, column);
        }
        if (wrap > 0 && column > 0) {
            text.append('\n');
        }
        ByteText.write(out, text.toString());
    }

    /** Appends the encoding of one (possibly partial, then padded) quantum, wrapping lines. */
    private long emit(StringBuilder text, byte[] bytes, int length, long wrap, long column) {
        String chars = base64 ? encode64(bytes, length) : encode32(bytes, length);
        for (int i = 0; i < chars.length(); i++) {
            if (wrap > 0 && column == wrap) {
                text.append('\n');
                column = 0;
            }
            text.append(chars.charAt(i));
            column++;
        }
        return column;
    }

    private static String encode64(byte[] b, int length) {
        int v = ((b[0] & 0xFF) << 16) | (length > 1 ? (b[1] & 0xFF) << 8 : 0) | (length > 2 ? b[2] & 0xFF : 0);
        StringBuilder s = new StringBuilder(4);
        for (int i = 0; i < 4; i++) {
            s.append(i <= length ? BASE64.charAt((v >> (18 - 6 * i)) & 0x3F) : '=');
        }
        return s.toString();
    }

    private static String encode32(byte[] b, int length) {
        long v = 0;
        for (int i = 0; i < 5; i++) {
            v = (v << 8) | (i < length ? b[i] & 0xFF : 0);
        }
        int chars = switch (length) {
            case 1 -> 2;
            case 2 -> 4;
            case 3 -> 5;
            case 4 -> 7;
            default -> 8;
        };
        StringBuilder s = new StringBuilder(8);
        for (int i = 0; i < 8; i++) {
            s.append(i < chars ? BASE32.charAt((int) (v >> (35 - 5 * i)) & 0x1F) : '=');
        }
        return s.toString();
    }

    private int decode(ProcessApi process, InputStream in, OutputStream out, boolean ignoreGarbage,
                       Diagnostics diagnostics, String file)
            throws IOException {
        byte[] all = in.readAllBytes();
        StringBuilder clean = new StringBuilder(all.length);
        for (byte b : all) {
            char c = (char) (b & 0xFF);
            if (c == '\n') {
                continue;
            }
            if (ignoreGarbage && c != '=' && alphabet.indexOf(c) < 0) {
                continue;
            }
            clean.append(c);
        }
        int quantum = base64 ? 4 : 8;
        ByteArrayOutputStream decoded = new ByteArrayOutputStream(all.length);
        boolean ok = true;
        CpuCheckpoint checkpoint = new CpuCheckpoint(process);
        for (int at = 0; at < clean.length(); at += quantum) {
            if ((at & 0xFFFF) == 0) {
                checkpoint.poll();
            }
            int length = Math.min(quantum, clean.length() - at);
            String chunk = clean.substring(at, at + length);
            if (!(base64 ? decode4(chunk, decoded) : decode8(chunk, decoded))) {
                ok = false;
                break;
            }
        }
        decoded.writeTo(out);
        if (!ok) {
            out.flush();
            diagnostics.error("invalid input");
            return 1;
        }
        return 0;
    }

    private int value(char c) {
        return c < 128 ? alphabet.indexOf(c) : -1;
    }

    /** gnulib's decode_4: writes what the quantum decodes to before any fault. */
    private boolean decode4(String in, ByteArrayOutputStream out) {
        if (in.length() < 2 || value(in.charAt(0)) < 0 || value(in.charAt(1)) < 0) {
            return false;
        }
        int a = value(in.charAt(0));
        int b = value(in.charAt(1));
        out.write((a << 2) | (b >> 4));
        if (in.length() == 2) {
            return false;
        }
        if (in.charAt(2) == '=') {
            return in.length() == 4 && in.charAt(3) == '=';
        }
        int c = value(in.charAt(2));
        if (c < 0) {
            return false;
        }
        out.write(((b << 4) | (c >> 2)) & 0xFF);
        if (in.length() == 3) {
            return false;
        }
        if (in.charAt(3) == '=') {
            return in.length() == 4;
        }
        int d = value(in.charAt(3));
        if (d < 0) {
            return false;
        }
        out.write(((c << 6) | d) & 0xFF);
        return true;
    }

    /** gnulib's decode_8, the base32 counterpart. */
    private boolean decode8(String in, ByteArrayOutputStream out) {
        if (in.length() < 8) {
            return false;
        }
        int[] v = new int[8];
        for (int i = 0; i < 8; i++) {
            v[i] = value(in.charAt(i));
        }
        if (v[0] < 0 || v[1] < 0) {
            return false;
        }
        out.write(((v[0] << 3) | (v[1] >> 2)) & 0xFF);
        if (in.charAt(2) == '=') {
            return in.substring(3).equals("=====");
        }
        if (v[2] < 0 || v[3] < 0) {
            return false;
        }
        out.write(((v[1] << 6) | (v[2] << 1) | (v[3] >> 4)) & 0xFF);
        if (in.charAt(4) == '=') {
            return in.substring(5).equals("===");
        }
        if (v[4] < 0) {
            return false;
        }
        out.write(((v[3] << 4) | (v[4] >> 1)) & 0xFF);
        if (in.charAt(5) == '=') {
            return in.substring(6).equals("==");
        }
        if (v[5] < 0 || v[6] < 0) {
            return false;
        }
        out.write(((v[4] << 7) | (v[5] << 2) | (v[6] >> 3)) & 0xFF);
        if (in.charAt(7) != '=') {
            if (v[7] < 0) {
                return false;
            }
            out.write(((v[6] << 5) | v[7]) & 0xFF);
        }
        return true;
    }
}
