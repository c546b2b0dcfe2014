package io.sandkernel.coreutils;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * GNU {@code getopt_long}-style option parsing: clustered short options, attached or separate
 * arguments, {@code --long[=value]} with unambiguous prefixes, {@code --} and argument permutation
 * (options may follow operands). Errors are {@link UsageException}s worded as GNU's.
 *
 * <p>The short spec uses getopt syntax ({@code "n:qv"}: {@code n} takes an argument). A long spec is
 * {@code name[=|?]:c}: {@code =} requires an argument, {@code ?} allows an optional
 * {@code =value}, neither inherits from the short option {@code c} (which may be a character
 * that no short option uses, for long-only options).
 */
final class Options {
    /** One option occurrence, in command-line order. */
    record Given(char option, String value) {}

    private final List<Given> given = new ArrayList<>();
    private final List<String> operands = new ArrayList<>();

    private Options() {}

    /** Parser settings. */
    static final class Parser {
        private final String shortSpec;
        private final Map<String, LongOption> longOptions = new LinkedHashMap<>();
        private boolean stopAtFirstOperand;
        private boolean negativeNumbersAreOperands;

        private record LongOption(String name, char option, int argument) {}

        private static final int NONE = 0;
        private static final int REQUIRED = 1;
        private static final int OPTIONAL = 2;

        Parser(String shortSpec, String... longSpecs) {
            this.shortSpec = shortSpec;
            for (String spec : longSpecs) {
                int colon = spec.lastIndexOf(':');
                String name = spec.substring(0, colon);
                char option = spec.charAt(colon + 1);
                int argument;
                if (name.endsWith("=")) {
                    argument = REQUIRED;
                    name = name.substring(0, name.length() - 1);
                } else if (name.endsWith("?")) {
                    argument = OPTIONAL;
                    name = name.substring(0, name.length() - 1);
                } else {
                    argument = shortTakesArgument(option) ? REQUIRED : NONE;
                }
                longOptions.put(name, new LongOption(name, option, argument));
            }
        }

        /** Stops option processing at the first operand (POSIX order), as env and printf do. */
        Parser stopAtFirstOperand() {
            this.stopAtFirstOperand = true;
            return this;
        }

        /** Treats arguments like {@code -5} or {@code -1.5} as operands, as seq does. */
        Parser negativeNumbersAreOperands() {
            this.negativeNumbersAreOperands = true;
            return this;
        }

        private boolean shortTakesArgument(char option) {
            int at = shortSpec.indexOf(option);
            return at >= 0 && at + 1 < shortSpec.length() && shortSpec.charAt(at + 1) == ':';
        }

        private boolean isShort(char option) {
            return option != ':' && shortSpec.indexOf(option) >= 0;
        }

        Options parse(List<String> args) {
            Options options = new Options();
            boolean optionsEnded = false;
            for (int i = 0; i < args.size(); i++) {
                String arg = args.get(i);
                if (optionsEnded || arg.length() < 2 || arg.charAt(0) != '-'
                        || (negativeNumbersAreOperands && isNumber(arg))) {
                    options.operands.add(arg);
                    optionsEnded |= stopAtFirstOperand;
                } else if (arg.equals("--")) {
                    optionsEnded = true;
                } else if (arg.startsWith("--")) {
                    i = parseLong(args, i, options);
                } else {
                    i = parseCluster(args, i, options);
                }
            }
            return options;
        }

        /** A '-' then a digit or a point, as GNU seq tells a negative number (-0x1 included) from an option. */
        private static boolean isNumber(String arg) {
            return arg.charAt(1) == '.' || (arg.charAt(1) >= '0' && arg.charAt(1) <= '9');
        }

        private int parseLong(List<String> args, int index, Options options) {
            String arg = args.get(index);
            int equals = arg.indexOf('=');
            String name = equals < 0 ? arg.substring(2) : arg.substring(2, equals);
            LongOption option = findLong(name);
            if (option == null) {
                if ("help".startsWith(name)) {
                    throw UsageException.help();
                }
                if ("version".startsWith(name)) {
                    throw UsageException.version();
                }
                throw new UsageException("unrecognized option '" + arg + "'");
            }
            String value = null;
            if (equals >= 0) {
                if (option.argument == NONE) {
                    throw new UsageException("option '--" + option.name + "' doesn't allow an argument");
                }
                value = arg.substring(equals + 1);
            } else if (option.argument == REQUIRED) {
                if (index + 1 >= args.size()) {
                    throw new UsageException("option '--" + option.name + "' requires an argument");
                }
                value = args.get(++index);
            }
            options.given.add(new Given(option.option, value));
            return index;
        }

        private LongOption findLong(String name) {
            LongOption exact = longOptions.get(name);
            if (exact != null) {
                return exact;
            }
            List<LongOption> candidates = new ArrayList<>();
            for (LongOption option : longOptions.values()) {
                if (option.name.startsWith(name)) {
                    candidates.add(option);
                }
            }
            if (candidates.size() > 1 && candidates.stream().map(LongOption::option).distinct().count() > 1) {
                StringBuilder names = new StringBuilder();
                for (LongOption candidate : candidates) {
                    names.append(" '--").append(candidate.name).append('\'');
                }
                throw new UsageException("option '--" + name + "' is ambiguous; possibilities:" + names);
            }
            return candidates.isEmpty() ? null : candidates.get(0);
        }

        private int parseCluster(List<String> args, int index, Options options) {
            String arg = args.get(index);
            for (int at = 1; at < arg.length(); at++) {
                char option = arg.charAt(at);
                if (!isShort(option)) {
                    throw new UsageException("invalid option -- '" + option + "'");
                }
                if (!shortTakesArgument(option)) {
                    options.given.add(new Given(option, null));
                    continue;
                }
                String value;
                if (at + 1 < arg.length()) {
                    value = arg.substring(at + 1);
                } else if (index + 1 < args.size()) {
                    value = args.get(++index);
                } else {
                    throw new UsageException("option requires an argument -- '" + option + "'");
                }
                options.given.add(new Given(option, value));
                break;
            }
            return index;
        }
    }

    /** Whether {@code option} was given at least once. */
    boolean has(char option) {
        for (Given g : given) {
            if (g.option == option) {
                return true;
            }
        }
        return false;
    }

    /** The value of the last occurrence of {@code option}, or {@code fallback}. */
    String value(char option, String fallback) {
        String value = fallback;
        for (Given g : given) {
            if (g.option == option) {
                value = g.value;
            }
        }
        return value;
    }

    /** Every value given to {@code option}, in order. */
    List<String> values(char option) {
        List<String> values = new ArrayList<>();
        for (Given g : given) {
            if (g.option == option) {
                values.add(g.value);
            }
        }
        return values;
    }

    /** Which of {@code candidates} was given last, or {@code fallback}. */
    char last(String candidates, char fallback) {
        char last = fallback;
        for (Given g : given) {
            if (candidates.indexOf(g.option) >= 0) {
                last = g.option;
            }
        }
        return last;
    }

    /** All occurrences in order. */
    List<Given> given() {
        return given;
    }

    /** The operands (non-option arguments), in order. */
    List<String> operands() {
        return operands;
    }
}
