package io.sandkernel.coreutils;

/**
 * A strict JSON syntax check, as libmagic's is_json: a document is one object or array (with
 * whitespace around it); its values are strings, numbers, true, false, null, objects and arrays.
 */
final class MagicJson {
    private final String text;
    private int at;

    private MagicJson(String text) {
        this.text = text;
    }

    /** Whether {@code text} is exactly one JSON object or array. */
    static boolean isDocument(String text) {
        MagicJson json = new MagicJson(text);
        json.space();
        if (json.at >= text.length() || (text.charAt(json.at) != '{' && text.charAt(json.at) != '[')) {
            return false;
        }
        try {
            json.value(0);
            json.space();
            return json.at == text.length();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private void space() {
        while (at < text.length() && " \t\r\n".indexOf(text.charAt(at)) >= 0) {
            at++;
        }
    }

    private char peek() {
        if (at >= text.length()) {
            throw new IllegalArgumentException("end");
        }
        return text.charAt(at);
    }

    private void expect(char c) {
        if (peek() != c) {
            throw new IllegalArgumentException("expected " + c);
        }
        at++;
    }

    private void value(int depth) {
        if (depth > 256) {
            throw new IllegalArgumentException("too deep");
        }
        space();
        char c = peek();
        switch (c) {
            case '{' -> {
                at++;
                space();
                if (peek() == '}') {
                    at++;
                    return;
                }
                while (true) {
                    space();
                    string();
                    space();
                    expect(':');
                    value(depth + 1);
                    space();
                    if (peek() == ',') {
                        at++;
                        continue;
                    }
                    expect('}');
                    return;
                }
            }
            case '[' -> {
                at++;
                space();
                if (peek() == ']') {
                    at++;
                    return;
                }
                while (true) {
                    value(depth + 1);
                    space();
                    if (peek() == ',') {
                        at++;
                        continue;
                    }
                    expect(']');
                    return;
                }
            }
            case '"' -> string();
            case 't' -> word("true");
            case 'f' -> word("false");
            case 'n' -> word("null");
            default -> number();
        }
    }

    private void word(String word) {
        if (!text.startsWith(word, at)) {
            throw new IllegalArgumentException(word);
        }
        at += word.length();
    }

    private void string() {
        expect('"');
        while (true) {
            char c = peek();
            at++;
            if (c == '"') {
                return;
            }
            if (c < 0x20) {
                throw new IllegalArgumentException("control character");
            }
            if (c == '\\') {
                char e = peek();
                at++;
                if (e == 'u') {
                    for (int i = 0; i < 4; i++) {
                        if (Character.digit(peek(), 16) < 0) {
                            throw new IllegalArgumentException("escape");
                        }
                        at++;
                    }
                } else if ("\"\\/bfnrt".indexOf(e) < 0) {
                    throw new IllegalArgumentException("escape");
                }
            }
        }
    }

    private void number() {
        int start = at;
        if (peek() == '-') {
            at++;
        }
        int digits = at;
        while (at < text.length() && Character.isDigit(text.charAt(at))) {
            at++;
        }
        if (at == digits) {
            throw new IllegalArgumentException("number");
        }
        if (at < text.length() && text.charAt(at) == '.') {
            at++;
            int fraction = at;
            while (at < text.length() && Character.isDigit(text.charAt(at))) {
                at++;
            }
            if (at == fraction) {
                throw new IllegalArgumentException("number");
            }
        }
        if (at < text.length() && (text.charAt(at) == 'e' || text.charAt(at) == 'E')) {
            at++;
            if (at < text.length() && (text.charAt(at) == '+' || text.charAt(at) == '-')) {
                at++;
            }
            int exponent = at;
            while (at < text.length() && Character.isDigit(text.charAt(at))) {
                at++;
            }
            if (at == exponent) {
                throw new IllegalArgumentException("number");
            }
        }
        if (at == start) {
            throw new IllegalArgumentException("number");
        }
    }
}
