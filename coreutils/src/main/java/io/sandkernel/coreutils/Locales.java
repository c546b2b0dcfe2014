package io.sandkernel.coreutils;

import io.sandkernel.api.ProcessApi;
import java.util.Locale;

/** What the process's locale variables say, as far as these commands care: UTF-8 or bytes. */
final class Locales {
    private Locales() {}

    /** Whether LC_ALL, else LC_CTYPE, else LANG names a UTF-8 locale. */
    static boolean isUtf8(ProcessApi process) {
        for (String variable : new String[] {"LC_ALL", "LC_CTYPE", "LANG"}) {
            String value = process.env().get(variable);
            if (value != null && !value.isEmpty()) {
                String lower = value.toLowerCase(Locale.ROOT);
                return lower.contains("utf-8") || lower.contains("utf8");
            }
        }
        return false;
    }
}
