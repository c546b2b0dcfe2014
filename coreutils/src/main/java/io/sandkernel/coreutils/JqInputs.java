package io.sandkernel.coreutils;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import io.sandkernel.api.MemoryReservation;
import io.sandkernel.api.ProcessApi;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The input of jq: the JSON texts of its files (or standard input) one after another, as one
 * stream, or with {@code -R} their lines as strings. Shared by the main loop and the
 * {@code input}/{@code inputs} builtins. Files are opened through the kernel, in turn.
 *
 * <p>What the values hold is charged to the process as their text is read ({@value #TREE_BYTES}
 * bytes of tree per byte of JSON, what Jackson's nodes take), and given back when the next value
 * is read, unless all are kept ({@code -s}); a raw file is charged while its bytes are held. Past
 * the process's or the kernel's memory, reading fails with ENOMEM instead of taking the heap.
 */
final class JqInputs {
    /** An input that is not valid JSON: jq's "parse error", status 2. */
    static final class ParseError extends Exception {
        private static final long serialVersionUID = 1L;

        ParseError(String message) {
            super(message, null, false, false);
        }
    }

    /** Bytes of parsed tree per byte of JSON text. */
    static final int TREE_BYTES = 4;

    private final ProcessApi process;
    private final MemoryReservation memory;
    private final boolean keepAll;
    /** What the values read since the last one given out hold, and the raw buffer. */
    private long valueBytes;
    private long rawBytesHeld;
    private final ObjectMapper mapper;
    private final List<String> files;
    private final boolean raw;
    private int nextFile;
    private InputStream stream;
    private JsonParser parser;
    private byte[] rawBytes;
    private int rawAt;
    private String currentName;

    /** @param keepAll whether every value read stays held (slurping): nothing is given back */
    JqInputs(ProcessApi process, ObjectMapper mapper, List<String> files, boolean raw, boolean keepAll) {
        this.process = process;
        this.memory = new MemoryReservation(process);
        this.keepAll = keepAll;
        this.mapper = mapper;
        this.files = files.isEmpty() ? List.of("-") : files;
        this.raw = raw;
    }

    /** The file being read, for input_filename (null for standard input). */
    String fileName() {
        return currentName == null || currentName.equals("-") ? null : currentName;
    }

    /** The next input value, or null when all are read. */
    JsonNode next() throws IOException, ParseError {
        if (!keepAll) {
            valueBytes = 0;
            memory.shrinkTo(rawBytesHeld);
        }
        while (true) {
            if (stream == null && !openNext()) {
                return null;
            }
            JsonNode value = raw ? nextLine() : nextJson();
            if (value != null) {
                return value;
            }
            close();
        }
    }

    /** Everything left, as one string (-R -s). */
    String rest() throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        while (stream != null || openNext()) {
            if (rawBytes == null) {
                rawBytes = readRaw();
            }
            all.write(rawBytes, rawAt, rawBytes.length - rawAt);
            close();
        }
        return all.toString(StandardCharsets.UTF_8);
    }

    private boolean openNext() throws IOException {
        if (nextFile >= files.size()) {
            return false;
        }
        currentName = files.get(nextFile++);
        stream = currentName.equals("-") ? process.stdin() : process.openRead(currentName);
        return true;
    }

    /** The JSON text of the current file, charged as it is read. */
    private InputStream charged(InputStream in) {
        return new java.io.FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    charge(TREE_BYTES);
                }
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = super.read(buffer, offset, length);
                if (n > 0) {
                    charge((long) n * TREE_BYTES);
                }
                return n;
            }

            @Override
            public void close() {
                // the file is closed by JqInputs, standard input never
            }
        };
    }

    private void charge(long bytes) {
        valueBytes += bytes;
        memory.ensure(valueBytes + rawBytesHeld);
    }

    private JsonNode nextJson() throws IOException, ParseError {
        try {
            if (parser == null) {
                parser = mapper.getFactory().createParser(charged(stream));
            }
            JsonToken token = parser.nextToken();
            if (token == null) {
                return null;
            }
            return asJqNumbers(mapper.readTree(parser));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            String message = e.getOriginalMessage();
            int newline = message.indexOf('\n');
            throw new ParseError("parse error: " + (newline < 0 ? message : message.substring(0, newline))
                    + " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr());
        }
    }

    /**
     * jq's numbers are doubles: integers too large for exact double arithmetic become doubles,
     * so that jackson-jq's integer arithmetic cannot overflow where jq would lose precision.
     */
    static JsonNode asJqNumbers(JsonNode node) {
        if (node.isBigInteger() || (node.isLong() && Math.abs(node.longValue()) > (1L << 53))) {
            return com.fasterxml.jackson.databind.node.DoubleNode.valueOf(node.doubleValue());
        }
        if (node.isArray()) {
            com.fasterxml.jackson.databind.node.ArrayNode array = (com.fasterxml.jackson.databind.node.ArrayNode) node;
            for (int i = 0; i < array.size(); i++) {
                array.set(i, asJqNumbers(array.get(i)));
            }
        } else if (node.isObject()) {
            com.fasterxml.jackson.databind.node.ObjectNode object = (com.fasterxml.jackson.databind.node.ObjectNode) node;
            object.fields().forEachRemaining(entry -> entry.setValue(asJqNumbers(entry.getValue())));
        }
        return node;
    }

    private JsonNode nextLine() throws IOException {
        if (rawBytes == null) {
            rawBytes = readRaw();
            rawAt = 0;
        }
        if (rawAt >= rawBytes.length) {
            return null;
        }
        int end = rawAt;
        while (end < rawBytes.length && rawBytes[end] != '\n') {
            end++;
        }
        String line = new String(rawBytes, rawAt, end - rawAt, StandardCharsets.UTF_8);
        rawAt = end + 1;
        return TextNode.valueOf(line);
    }

    /** The whole current file, charged while it is held. */
    private byte[] readRaw() throws IOException {
        byte[] bytes = MemoryReservation.readAll(process, stream);
        rawBytesHeld = bytes.length;
        memory.ensure(valueBytes + rawBytesHeld);
        return bytes;
    }

    private void close() throws IOException {
        if (parser != null) {
            parser.close();
            parser = null;
        }
        if (stream != null && stream != process.stdin()) {
            stream.close();
        }
        stream = null;
        rawBytes = null;
        rawBytesHeld = 0;
        rawAt = 0;
    }
}
