package io.sandkernel.shell;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * bash's prompt escapes (user, host, working directory, {@code $}, shell, version, time...), decoded before the prompt
 * string is expanded as parameters are.
 */
final class Prompts {
    private Prompts() {}

    static String decode(String prompt, Interpreter shell) {
        if (prompt.indexOf('\\') < 0) {
            return prompt;
        }
        ShellState state = shell.state;
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < prompt.length(); i++) {
            char c = prompt.charAt(i);
            if (c != '\\' || i + 1 >= prompt.length()) {
                out.append(c);
                continue;
            }
            char e = prompt.charAt(++i);
            switch (e) {
                case 'u' -> out.append(orEmpty(state.get("USER")));
                case 'h' -> {
                    String host = orEmpty(state.get("HOSTNAME"));
                    int dot = host.indexOf('.');
                    out.append(dot < 0 ? host : host.substring(0, dot));
                }
                case 'H' -> out.append(orEmpty(state.get("HOSTNAME")));
                case 'w', 'W' -> {
                    String pwd = orEmpty(state.get("PWD"));
                    String home = state.get("HOME");
                    if (e == 'W') {
                        out.append(pwd.equals(home) ? "~" : pwd.equals("/") ? "/" : pwd.substring(pwd.lastIndexOf('/') + 1));
                    } else if (home != null && !home.isEmpty() && (pwd.equals(home) || pwd.startsWith(home + "/"))) {
                        out.append('~').append(pwd.substring(home.length()));
                    } else {
                        out.append(pwd);
                    }
                }
                case '$' -> out.append(shell.api.identity().euid() == 0 ? '#' : '$');
                case 's' -> out.append("bash");
                case 'v' -> out.append("5.2");
                case 'V' -> out.append("5.2.15");
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 'a' -> out.append('\007');
                case 'e' -> out.append('\033');
                case 't' -> out.append(LocalDateTime.now().format(DateTimeFormatter.ofPattern("HH:mm:ss")));
                case 'T' -> out.append(LocalDateTime.now().format(DateTimeFormatter.ofPattern("hh:mm:ss")));
                case '@' -> out.append(LocalDateTime.now().format(DateTimeFormatter.ofPattern("hh:mm a", Locale.ROOT)));
                case 'A' -> out.append(LocalDateTime.now().format(DateTimeFormatter.ofPattern("HH:mm")));
                case 'd' -> out.append(LocalDateTime.now().format(DateTimeFormatter.ofPattern("EEE MMM dd", Locale.ROOT)));
                case 'j' -> out.append(shell.jobs.list().size());
                case '!', '#' -> out.append('1');
                case '[', ']' -> {
                    // non-printing sequence markers: nothing to print
                }
                case '\\' -> out.append('\\');
                default -> out.append('\\').append(e);
            }
        }
        return out.toString();
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
