package io.sandkernel.shell;

import io.sandkernel.shell.Ast.Lit;
import io.sandkernel.shell.Ast.Part;
import io.sandkernel.shell.Ast.Tilde;
import java.util.ArrayList;
import java.util.List;

/**
 * Tilde prefixes in assignment values: POSIX expands one at the start of the value and after
 * each unquoted ':' ({@code PATH=~/bin:~/sbin}), each ending at a '/', a ':' or the end of the
 * unquoted text.
 */
final class Tildes {
    private Tildes() {}

    /** The value's parts with tilde prefixes made {@link Tilde} parts. */
    static List<Part> inAssignment(List<Part> parts) {
        boolean any = false;
        for (Part part : parts) {
            if (part instanceof Lit lit && lit.text().indexOf('~') >= 0) {
                any = true;
                break;
            }
        }
        if (!any) {
            return parts;
        }
        List<Part> out = new ArrayList<>();
        for (int p = 0; p < parts.size(); p++) {
            Part part = parts.get(p);
            if (!(part instanceof Lit lit)) {
                out.add(part);
                continue;
            }
            boolean lastPart = p == parts.size() - 1;
            String text = lit.text();
            int from = 0;
            for (int k = 0; k < text.length(); k++) {
                boolean start = k == 0 ? p == 0 : text.charAt(k - 1) == ':';
                if (text.charAt(k) != '~' || !start) {
                    continue;
                }
                int end = k + 1;
                while (end < text.length() && WordLexer.isLoginChar(text.charAt(end))) {
                    end++;
                }
                boolean ends = end < text.length() ? text.charAt(end) == '/' || text.charAt(end) == ':' : lastPart;
                if (!ends) {
                    continue;
                }
                if (k > from) {
                    out.add(new Lit(text.substring(from, k)));
                }
                out.add(new Tilde(text.substring(k + 1, end)));
                from = end;
                k = end - 1;
            }
            if (from < text.length()) {
                out.add(new Lit(text.substring(from)));
            }
        }
        return out;
    }
}
