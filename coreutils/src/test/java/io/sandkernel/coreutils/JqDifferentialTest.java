package io.sandkernel.coreutils;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * jq against the jq of this machine (1.6 on Debian 12): output and exit status must agree;
 * error messages are jackson-jq's own, so only whether there is one is compared.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class JqDifferentialTest {
    private static final List<TextCase> CASES = cases();

    @TempDir
    static Path hosts;

    private static TextOracle runner;

    @BeforeAll
    static void runRealJq() {
        runner = new TextOracle(hosts, TextFixtures.FILES).start(CASES.stream());
    }

    @AfterAll
    static void report() {
        runner.close();
        TextOracle.report();
    }

    static Stream<Arguments> arguments() {
        return CASES.stream().map(TextCase::arguments);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("arguments")
    void agreesWithJq(String line, TextCase c) throws Exception {
        runner.check(c);
    }

    private static void jq(List<TextCase> cases, String input, String... args) {
        String[] argv = new String[args.length + 1];
        argv[0] = "jq";
        System.arraycopy(args, 0, argv, 1, args.length);
        cases.add(TextCase.of(input, argv).loose());
    }

    private static List<TextCase> cases() {
        List<TextCase> c = new ArrayList<>();
        jq(c, "", ".", "data.json");
        jq(c, "", "-c", ".", "data.json");
        jq(c, "", ".name", "data.json");
        jq(c, "", "-r", ".name", "data.json");
        jq(c, "", ".tags[1]", "data.json");
        jq(c, "", ".tags[]", "data.json");
        jq(c, "", "-r", ".tags | join(\",\")", "data.json");
        jq(c, "", ".deps | keys", "data.json");
        jq(c, "", ".deps | to_entries | map(\"\\(.key)@\\(.value)\") | .[]", "data.json");
        jq(c, "", "-c", "{name, n: .count}", "data.json");
        jq(c, "", ".missing", "data.json");
        jq(c, "", ".none // \"default\"", "data.json");
        jq(c, "", "[.count, .ratio, .ok] | map(type)", "data.json");
        jq(c, "", "-r", ".version | split(\".\") | .[0]", "data.json");
        jq(c, "", "-S", ".", "data.json");
        jq(c, "", "--tab", ".tags", "data.json");
        jq(c, "", "--indent", "1", ".deps", "data.json");
        jq(c, "", "length", "data.json");
        jq(c, "", ".[] | .name", "users.json");
        jq(c, "", "-r", ".[] | select(.age > 30) | .name", "users.json");
        jq(c, "", "map(.age) | add", "users.json");
        jq(c, "", "map(.age) | add / length", "users.json");
        jq(c, "", "-c", "sort_by(.age) | map(.name)", "users.json");
        jq(c, "", "-c", "group_by(.roles | length) | map(length)", "users.json");
        jq(c, "", "-c", "[.[] | {(.name): .id}] | add", "users.json");
        jq(c, "", "-c", "map(select(.roles | index(\"dev\")))| map(.id)", "users.json");
        jq(c, "", "-r", ".[] | [.id, .name, .age] | @csv", "users.json");
        jq(c, "", "-r", ".[] | [.id, .name] | @tsv", "users.json");
        jq(c, "", "-c", "max_by(.age), min_by(.age) | .name", "users.json");
        jq(c, "", "-c", "[.[].roles[]] | unique", "users.json");
        jq(c, "", "-c", "map(.name | ascii_upcase)", "users.json");
        jq(c, "", "-c", "to_entries | map(.key)", "users.json");
        jq(c, "", "-c", "[.[] | .age] | sort | reverse", "users.json");
        jq(c, "", "-c", "reduce .[] as $u ({}; .[$u.name] = $u.age)", "users.json");
        jq(c, "", "-c", "[limit(2; .[])] | map(.id)", "users.json");
        jq(c, "", "-c", "first(.[]) | .name, (last | .name)", "users.json");
        jq(c, "", "-c", "[paths] | length", "users.json");
        jq(c, "", "-c", "del(.[0]) | map(.id)", "users.json");
        jq(c, "", "-c", "map(.age |= . + 1) | map(.age)", "users.json");
        jq(c, "", "-c", "[.[] | select(.name | test(\"^[ab]\"))] | length", "users.json");
        jq(c, "", "-c", "[.[] | .name | sub(\"[aeiou]\"; \"_\")]", "users.json");
        jq(c, "", "-c", "[.[] | .name | gsub(\"[aeiou]\"; \"_\")]", "users.json");
        jq(c, "", "-c", "any(.[]; .age > 40), all(.[]; .age > 20)", "users.json");
        jq(c, "", "-c", ".[0] | has(\"roles\"), has(\"x\")", "users.json");
        jq(c, "", "-c", "[.[] | .roles | length] | @json", "users.json");
        jq(c, "", ".a", "stream.json");
        jq(c, "", "-s", "-c", "map(.a)", "stream.json");
        jq(c, "", "-c", "select(.b)", "stream.json");
        jq(c, "", "-n", "-c", "[inputs | .a]", "stream.json");
        jq(c, "", "-n", "-c", "input, input", "stream.json");
        jq(c, "", "-c", ".", "numbers.json");
        jq(c, "", "-c", "map(. * 2)", "numbers.json");
        jq(c, "", "-c", ".[] | floor", "numbers.json");
        jq(c, "", ".", "unicode.json");
        jq(c, "", "-a", ".", "unicode.json");
        jq(c, "", "-r", ".s", "unicode.json");
        jq(c, "", "-c", ".s | length, utf8bytelength", "unicode.json");
        jq(c, "a b\nc\n", "-R", ".");
        jq(c, "a b\nc\n", "-R", "-s", ".");
        jq(c, "a,b\nc,d\n", "-R", "-c", "split(\",\")");
        jq(c, "", "-n", "1 + 2, \"a\" + \"b\", [1] + [2], {\"a\":1} + {\"b\":2}");
        jq(c, "", "-n", "-c", "[range(5)], [range(2; 10; 3)]");
        jq(c, "", "-n", "10 / 3, 7 % 3, 1e1000, 0.1 + 0.2");
        c.add(TextCase.of("", "jq", "-n", "-0").loose().known("jackson-jq folds the literal -0 to 0"));
        jq(c, "", "-c", "map(tostring)", "numbers.json");
        jq(c, "", "-c", "map(tojson), \"\\(.[5]) and \\(.[6])\"", "numbers.json");
        jq(c, "", "-r", "\"\\(.count / 2) \\(.ratio * 4) \\(.tags) \\(\"in\\(.name)\")\"", "data.json");
        jq(c, "", "-r", ".tags | @sh \"echo \\(.)\", @base64 \"\\(.[0])\"", "data.json");
        jq(c, "", "-n", "-c", "[1, [2, [3]]] | flatten, flatten(1)");
        jq(c, "", "-n", "\"abc\" | @base64, (@base64 | @base64d), @uri, @html, @sh");
        jq(c, "", "-n", "-r", "\"a b\" | @sh");
        jq(c, "", "-n", "-c", "\"a-b-c\" | split(\"-\"), ascii_downcase, ltrimstr(\"a-\"), test(\"b\")");
        jq(c, "", "-n", "-c", "{\"a\":{\"b\":1}} | paths, leaf_paths, getpath([\"a\",\"b\"])");
        jq(c, "", "-n", "-c", "[3,1,2] | sort, min, max, (map(tostring) | join(\"\"))");
        jq(c, "", "-n", "-c", "\"x\" as $v | [$v, ($v | length)]");
        jq(c, "", "-n", "-c", "try error(\"boom\") catch .");
        jq(c, "", "-n", "-c", "[.[]?]");
        jq(c, "", "-n", "-c", "if 1 > 2 then \"a\" elif 2 > 1 then \"b\" else \"c\" end");
        jq(c, "", "-n", "-c", "def f(x): x * 2; [f(1), f(3)]");
        jq(c, "", "-n", "-c", "[foreach (1,2,3) as $x (0; . + $x)]");
        jq(c, "", "-n", "-c", "{\"a\":[1,2]} | tostream");
        jq(c, "", "-n", "-c", "[1,2,3] | indices(2), index(2), contains([2])");
        jq(c, "", "-n", "-c", "\"2015-03-05T23:51:47Z\" | fromdate");
        jq(c, "", "-n", "-c", "1425599507 | todate");
        jq(c, "", "-n", "-c", "[splits(\", *\"; null)]");
        jq(c, "", "-n", "-c", "\"a1b2\" | [scan(\"[0-9]\")]");
        jq(c, "", "-n", "-c", "\"foo bar\" | capture(\"(?<x>\\\\w+) (?<y>\\\\w+)\")");
        jq(c, "", "-n", "-c", "{} | .a.b.c = 1");
        jq(c, "", "-n", "-c", "[1,null,2] | map(values)");
        jq(c, "", "-n", "-c", "\"1\" | tonumber, (5 | tostring)");
        jq(c, "", "-n", "-c", "[1,2] | combinations? // \"none\"");
        jq(c, "", "-n", "--arg", "x", "1", "--argjson", "y", "{\"a\":2}", "-c", "$x, $y.a, $ARGS.named");
        jq(c, "", "-n", "-c", "$ARGS.positional", "--args", "a", "b");
        jq(c, "", "-n", "-c", "$ARGS.positional", "--jsonargs", "1", "{\"k\":2}");
        jq(c, "", "-n", "--slurpfile", "s", "stream.json", "-c", "$s | length");
        jq(c, "", "-n", "--rawfile", "r", "b.txt", "$r");
        jq(c, "", "-n", "$ENV.TZ, env.LC_ALL");
        jq(c, "", "-f", "filter.jq", "users.json");
        jq(c, "", "-j", ".[] | .name", "users.json");
        jq(c, "", "-e", ".ok", "data.json");
        jq(c, "", "-e", ".none", "data.json");
        jq(c, "", "-e", "empty", "data.json");
        jq(c, "", ".name, .x.y", "users.json");
        jq(c, "", ".[] | .name | . + 1", "users.json");
        c.add(TextCase.of("", "jq", ".", "bad.json").loose().known(
                "jq 1.6 exits with 4 after a parse error in the middle of its input, we with 2 as jq documents"));
        jq(c, "", ".[", "data.json");
        jq(c, "", ".", "missing.json");
        jq(c, "", "-n", "\"bye\" | halt_error");
        jq(c, "", "-n", "1, halt, 2");
        jq(c, "", "-n", "-c", "1 | debug");
        jq(c, "", "--bogus", ".");
        c.add(TextCase.of("", "jq", ".", "data.json").loose().toFullDevice());
        jq(c, "");
        return c;
    }
}
