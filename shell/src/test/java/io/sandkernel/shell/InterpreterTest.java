package io.sandkernel.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The shell on a real kernel ({@link TestKernel}): builtins in-process, small programs as processes. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class InterpreterTest {
    private TestKernel kernel;

    @BeforeEach
    void setUp() throws Exception {
        kernel = new TestKernel();
    }

    @AfterEach
    void tearDown() {
        kernel.close();
    }

    private TestKernel.Result run(String script) throws Exception {
        return kernel.sh("", "-c", script);
    }

    private String out(String script) throws Exception {
        return run(script).out();
    }

    @Test
    void echoAndQuoting() throws Exception {
        assertThat(out("echo hello   world")).isEqualTo("hello world\n");
        assertThat(out("echo 'a  b' \"c  d\" e\\ \\ f")).isEqualTo("a  b c  d e  f\n");
        assertThat(out("echo -n no newline")).isEqualTo("no newline");
        assertThat(out("echo 'a\\tb' 'x\\cy'")).isEqualTo("a\tb x");
        assertThat(out("x='it'\\''s'; echo \"$x\"")).isEqualTo("it's\n");
    }

    @Test
    void variablesAndExport() throws Exception {
        assertThat(out("x=1; y=$x$x; echo $y")).isEqualTo("11\n");
        assertThat(out("A=outer; export A; env | grep A=")).isEqualTo("A=outer\n");
        assertThat(out("B=temp env | grep B=; echo \"[$B]\"")).isEqualTo("B=temp\n[]\n");
        assertThat(out("C=1; env | grep C=")).isEmpty();
        assertThat(out("export D=2; unset D; echo \"[${D-unset}]\"")).isEqualTo("[unset]\n");
        assertThat(out("readonly R=1; R=2; echo never")).isEmpty();
        assertThat(run("readonly R=1; R=2").status()).isEqualTo(2);
    }

    @Test
    void exitStatuses() throws Exception {
        assertThat(out("true; echo $?; false; echo $?; exitwith 7; echo $?")).isEqualTo("0\n1\n7\n");
        TestKernel.Result notFound = run("nosuch arg; echo $?");
        assertThat(notFound.out()).isEqualTo("127\n");
        assertThat(notFound.err()).isEqualTo("sh: 1: nosuch: not found\n");
        assertThat(run("exit 3").status()).isEqualTo(3);
        assertThat(run("false").status()).isEqualTo(1);
        assertThat(run("exitwith 300").status()).isEqualTo(300 & 0xff);
        assertThat(out("! true; echo $?; ! false; echo $?")).isEqualTo("1\n0\n");
    }

    @Test
    void pipelines() throws Exception {
        assertThat(out("echo hello | upper")).isEqualTo("HELLO\n");
        assertThat(out("seq 5 | grep 3")).isEqualTo("3\n");
        assertThat(out("seq 3 | sort | upper | cat")).isEqualTo("1\n2\n3\n");
        assertThat(out("exitwith 3 | true; echo $?")).isEqualTo("0\n");
        assertThat(out("true | exitwith 4; echo $?")).isEqualTo("4\n");
        assertThat(out("echo a | nosuch; echo $?")).isEqualTo("127\n");
        assertThat(out("for i in 3 1 2; do echo $i; done | sort")).isEqualTo("1\n2\n3\n");
        assertThat(out("echo x | while read l; do echo got $l; done")).isEqualTo("got x\n");
        assertThat(out("echo a | { read v; echo \"v=$v\"; }")).isEqualTo("v=a\n");
        assertThat(out("x=1; echo a | x=2; echo $x")).isEqualTo("1\n");
    }

    @Test
    void andOrLists() throws Exception {
        assertThat(out("true && echo a || echo b")).isEqualTo("a\n");
        assertThat(out("false && echo a || echo b")).isEqualTo("b\n");
        assertThat(out("false || false || echo c")).isEqualTo("c\n");
        assertThat(out("true || echo no; echo $?")).isEqualTo("0\n");
    }

    @Test
    void redirections() throws Exception {
        assertThat(out("echo one > /tmp/f; echo two >> /tmp/f; cat /tmp/f")).isEqualTo("one\ntwo\n");
        assertThat(out("echo in > /tmp/g; cat < /tmp/g")).isEqualTo("in\n");
        assertThat(out("fail 2> /tmp/e; echo status $?; cat /tmp/e")).isEqualTo("status 1\noops\n");
        assertThat(out("fail 2>&1 | upper")).isEqualTo("OOPS\n");
        TestKernel.Result toStderr = run("echo err >&2");
        assertThat(toStderr.out()).isEmpty();
        assertThat(toStderr.err()).isEqualTo("err\n");
        assertThat(out("{ echo a; echo b; } > /tmp/h; cat /tmp/h")).isEqualTo("a\nb\n");
        assertThat(out("for i in 1 2; do echo $i; done > /tmp/i; cat /tmp/i")).isEqualTo("1\n2\n");
        assertThat(out("exec > /tmp/j; echo hidden; exec >&2; cat /tmp/j")).isEmpty();
        assertThat(out("cat /tmp/j")).isEqualTo("hidden\n");
        TestKernel.Result missing = run("cat < /nope; echo $?");
        assertThat(missing.out()).isEqualTo("2\n");
        assertThat(missing.err()).isEqualTo("sh: 1: cannot open /nope: No such file\n");
        assertThat(out("echo x >/tmp/k 2>&1; cat /tmp/k")).isEqualTo("x\n");
        assertThat(out("echo a > /tmp/l; echo b >/tmp/l; cat /tmp/l")).isEqualTo("b\n");
    }

    @Test
    void hereDocuments() throws Exception {
        assertThat(out("x=world; cat <<EOF\nhello $x\n$(echo sub)\nEOF")).isEqualTo("hello world\nsub\n");
        assertThat(out("x=world; cat <<'EOF'\nhello $x\nEOF")).isEqualTo("hello $x\n");
        assertThat(out("cat <<-EOF\n\t\tindented\n\tEOF\n")).isEqualTo("indented\n");
        assertThat(out("cat <<A; cat <<B\n1\nA\n2\nB\n")).isEqualTo("1\n2\n");
        assertThat(out("while read l; do echo \"<$l>\"; done <<EOF\na b\n c\nEOF")).isEqualTo("<a b>\n<c>\n");
        assertThat(out("cat <<EOF | upper\nshout\nEOF")).isEqualTo("SHOUT\n");
        String big = "x".repeat(100_000);
        assertThat(out("cat <<EOF | wc\n" + big + "\nEOF")).isEqualTo("1\n");
    }

    @Test
    void controlStructures() throws Exception {
        assertThat(out("if false; then echo a; elif true; then echo b; else echo c; fi")).isEqualTo("b\n");
        assertThat(out("for i in a b c; do echo $i; done")).isEqualTo("a\nb\nc\n");
        assertThat(out("set -- x y; for i; do echo $i; done")).isEqualTo("x\ny\n");
        assertThat(out("i=0; while [ $i -lt 3 ]; do echo $i; i=$((i+1)); done")).isEqualTo("0\n1\n2\n");
        assertThat(out("i=0; until [ $i -ge 2 ]; do i=$((i+1)); done; echo $i")).isEqualTo("2\n");
        assertThat(out("for i in 1 2 3 4; do [ $i = 3 ] && break; echo $i; done")).isEqualTo("1\n2\n");
        assertThat(out("for i in 1 2 3; do [ $i = 2 ] && continue; echo $i; done")).isEqualTo("1\n3\n");
        assertThat(out("for i in 1 2; do for j in a b; do [ $j = b ] && continue 2; echo $i$j; done; done"))
                .isEqualTo("1a\n2a\n");
        assertThat(out("for i in 1 2; do for j in a b; do break 2; done; done; echo $i$j")).isEqualTo("1a\n");
        assertThat(out("case hello in h*o) echo glob;; *) echo no;; esac")).isEqualTo("glob\n");
        assertThat(out("case b in a|b|c) echo alt;; esac")).isEqualTo("alt\n");
        assertThat(out("x='*'; case a in \"$x\") echo lit;; *) echo any;; esac")).isEqualTo("any\n");
        assertThat(out("case x in y) echo;; esac; echo $?")).isEqualTo("0\n");
        assertThat(out("case 5 in [0-9]) echo digit;; esac")).isEqualTo("digit\n");
    }

    @Test
    void functions() throws Exception {
        assertThat(out("f() { echo \"$# $1 $2\"; }; f a 'b c'; echo $#")).isEqualTo("2 a b c\n0\n");
        assertThat(out("f() { return 5; echo no; }; f; echo $?")).isEqualTo("5\n");
        assertThat(out("set -- outer; f() { echo $1; }; f inner; echo $1")).isEqualTo("inner\nouter\n");
        assertThat(out("x=g; f() { x=changed; }; f; echo $x")).isEqualTo("changed\n");
        assertThat(out("x=g; f() { local x=l; echo $x; }; f; echo $x")).isEqualTo("l\ng\n");
        assertThat(out("fact() { if [ $1 -le 1 ]; then echo 1; else echo $(( $1 * $(fact $(($1-1))) )); fi; }; fact 5"))
                .isEqualTo("120\n");
        assertThat(out("f() { echo piped $1; }; f x | upper")).isEqualTo("PIPED X\n");
        assertThat(out("f() { echo sub; }; echo $(f)")).isEqualTo("sub\n");
        assertThat(out("f() { for i in 1 2 3; do [ $i = 2 ] && return 9; done; }; f; echo $?")).isEqualTo("9\n");
    }

    @Test
    void commandSubstitution() throws Exception {
        assertThat(out("echo \"[$(echo a; echo b)]\"")).isEqualTo("[a\nb]\n");
        assertThat(out("x=$(exitwith 3); echo $?")).isEqualTo("3\n");
        assertThat(out("echo `echo back`")).isEqualTo("back\n");
        assertThat(out("echo $(echo $(echo nested))")).isEqualTo("nested\n");
        assertThat(out("x=$(seq 3 | wc); echo $x")).isEqualTo("3\n");
        assertThat(out("v=1; echo $(v=2; echo $v) $v")).isEqualTo("2 1\n");
    }

    @Test
    void subshells() throws Exception {
        assertThat(out("x=1; (x=2; echo $x); echo $x")).isEqualTo("2\n1\n");
        assertThat(out("(exit 6); echo $?")).isEqualTo("6\n");
        assertThat(out("(cd /tmp; pwd); pwd")).isEqualTo("/tmp\n/home/user\n");
        assertThat(out("echo $$ $(echo $$) $(sh -c 'echo 1')")).matches("(\\d+) \\1 1\n");
    }

    @Test
    void setOptions() throws Exception {
        TestKernel.Result errexit = run("set -e; echo a; false; echo b");
        assertThat(errexit.out()).isEqualTo("a\n");
        assertThat(errexit.status()).isEqualTo(1);
        assertThat(out("set -e; false || echo ok; if false; then :; fi; ! true; echo end")).isEqualTo("ok\nend\n");
        assertThat(out("set -e; f() { false; echo no; }; f || echo handled")).isEqualTo("no\n");
        assertThat(out("set -e; { false && true; }; echo brace")).isEqualTo("brace\n");
        assertThat(run("set -e; (false); echo no").status()).isEqualTo(1);
        assertThat(run("set -e; x=$(false); echo no").out()).isEmpty();
        TestKernel.Result nounset = run("set -u; echo $undefined; echo after");
        assertThat(nounset.out()).isEmpty();
        assertThat(nounset.err()).isEqualTo("sh: 1: undefined: parameter not set\n");
        assertThat(nounset.status()).isEqualTo(2);
        assertThat(run("set -x; echo hi").err()).isEqualTo("+ echo hi\n");
        assertThat(run("x=1; set -x; (echo hi)").err()).isEqualTo("+ echo hi\n");
        assertThat(out("set -- a b c; echo $#; shift; echo $@; shift 2; echo $#")).isEqualTo("3\nb c\n0\n");
        assertThat(kernel.sh("", "-e", "-c", "false; echo x").status()).isEqualTo(1);
        assertThat(kernel.sh("", "-c", "echo $0 $1 $2", "name", "a", "b").out()).isEqualTo("name a b\n");
        assertThat(out("set -f; echo /*")).isEqualTo("/*\n");
    }

    @Test
    void builtins() throws Exception {
        assertThat(out("cd /tmp && pwd && cd - && cd && pwd")).isEqualTo("/tmp\n/home/user\n/home/user\n");
        assertThat(run("cd /nope").err()).isEqualTo("sh: 1: cd: can't cd to /nope\n");
        assertThat(out("printf '%s-%d|%5s|%-3s|%03d|%x\\n' a 42 r l 7 255")).isEqualTo("a-42|    r|l  |007|ff\n");
        assertThat(out("printf '%s\\n' a b c")).isEqualTo("a\nb\nc\n");
        assertThat(out("printf '%b' 'x\\ty\\n'")).isEqualTo("x\ty\n");
        assertThat(out("printf '%.2f %c %%\\n' 3.14159 word")).isEqualTo("3.14 w %\n");
        assertThat(out("echo 'a b  c' | { read x y; echo \"$x|$y\"; }")).isEqualTo("a|b  c\n");
        assertThat(out("printf '%s\\n' 'a\\b' | { read -r x; printf '%s\\n' \"$x\"; }")).isEqualTo("a\\b\n");
        assertThat(out("echo 'a:b:c' | { IFS=: read x y z; echo $z$y$x; }")).isEqualTo("cba\n");
        assertThat(out("printf 'no newline' | { read x; echo $? $x; }")).isEqualTo("1 no newline\n");
        assertThat(out("eval 'x=5; echo $x'")).isEqualTo("5\n");
        assertThat(out("cmd='echo evaluated'; eval $cmd")).isEqualTo("evaluated\n");
        assertThat(out("type cd; type f; f() { :; }; type f; command -v echo")).isEqualTo(
                "cd is a shell builtin\nf: not found\nf is a shell function\necho\n");
        // dash's "." passes no arguments to the script: $1 is the caller's
        assertThat(out("echo 'echo sourced $1' > /tmp/s.sh; set -- outer; . /tmp/s.sh arg")).isEqualTo("sourced outer\n");
        assertThat(out("command echo via command")).isEqualTo("via command\n");
        assertThat(out("exec echo replaced; echo never")).isEqualTo("replaced\n");
        assertThat(out("getopts ab: o -b val; echo $o $OPTARG")).isEqualTo("b val\n");
        assertThat(out("x=1; unset x; echo ${x:-gone}")).isEqualTo("gone\n");
        assertThat(out("umask 027; umask")).isEqualTo("0027\n");
    }

    @Test
    void testBuiltin() throws Exception {
        assertThat(out("[ a = a ] && echo 1; [ a != a ] || echo 2; test -n x && echo 3; [ -z '' ] && echo 4"))
                .isEqualTo("1\n2\n3\n4\n");
        assertThat(out("[ 3 -gt 2 -a 1 -lt 2 ] && echo and; [ 1 -gt 2 -o 2 -ge 2 ] && echo or")).isEqualTo("and\nor\n");
        assertThat(out("[ ! -e /nope ] && echo missing; [ -d /tmp ] && echo dir")).isEqualTo("missing\ndir\n");
        assertThat(out("echo x > /tmp/t; [ -f /tmp/t ] && [ -s /tmp/t ] && echo file")).isEqualTo("file\n");
        assertThat(out("[ \\( 1 -eq 1 \\) ] && echo paren")).isEqualTo("paren\n");
        assertThat(out("[ ]; echo $?; [ x ]; echo $?")).isEqualTo("1\n0\n");
        TestKernel.Result bad = run("[ 1 -eq x ]; echo $?");
        assertThat(bad.out()).isEqualTo("2\n");
        assertThat(bad.err()).isEqualTo("sh: 1: [: Illegal number: x\n");
        assertThat(run("[ a = a; echo $?").out()).isEqualTo("2\n");
    }

    @Test
    void globbingOnTheKernelFilesystem() throws Exception {
        out("printf A > /tmp/a.txt; printf B > /tmp/b.txt");
        assertThat(out("cd /tmp; echo *.txt; echo /tmp/?.txt; echo *.none")).isEqualTo(
                "a.txt b.txt\n/tmp/a.txt /tmp/b.txt\n*.none\n");
        assertThat(out("cd /tmp; cat *.txt")).isEqualTo("AB");
    }

    @Test
    void traps() throws Exception {
        assertThat(out("trap 'echo bye' EXIT; echo hi")).isEqualTo("hi\nbye\n");
        assertThat(out("trap 'echo exiting $?' EXIT; exit 3")).isEqualTo("exiting 3\n");
        assertThat(run("trap 'echo exiting' EXIT; exit 3").status()).isEqualTo(3);
        assertThat(out("trap 'echo got USR1' USR1; kill -USR1 $$; echo after")).isEqualTo("got USR1\nafter\n");
        assertThat(out("trap '' TERM; kill $$; echo survived")).isEqualTo("survived\n");
        assertThat(run("trap 'echo x' TERM; trap - TERM; kill $$; echo never").status()).isEqualTo(143);
        assertThat(out("trap 'echo t' INT; trap")).isEqualTo("trap -- 'echo t' INT\n");
        assertThat(out("trap 'echo caught; exit 4' USR2; (sleep 0.2; kill -USR2 $$) & wait; echo no"))
                .isEqualTo("caught\n");
    }

    @Test
    void scriptFromFileAndStdin() throws Exception {
        out("printf 'echo from file $1\\nexit 5\\n' > /tmp/script.sh");
        TestKernel.Result file = kernel.sh("", "/tmp/script.sh", "arg");
        assertThat(file.out()).isEqualTo("from file arg\n");
        assertThat(file.status()).isEqualTo(5);
        TestKernel.Result stdin = kernel.sh("echo from stdin\nx=2\necho $x\n");
        assertThat(stdin.out()).isEqualTo("from stdin\n2\n");
    }

    @Test
    void syntaxErrorsStopTheScriptWithStatus2() throws Exception {
        TestKernel.Result result = run("echo before\nif true; then\necho x");
        assertThat(result.out()).isEqualTo("before\n");
        assertThat(result.err()).isEqualTo("sh: 3: Syntax error: end of file unexpected (expecting \"fi\")\n");
        assertThat(result.status()).isEqualTo(2);
        TestKernel.Result eval = run("eval 'if'; echo after");
        assertThat(eval.status()).isEqualTo(2);
        assertThat(eval.out()).isEmpty();
    }

    @Test
    void arithmeticExpansionErrorsExit() throws Exception {
        TestKernel.Result result = run("echo $((1/0)); echo after");
        assertThat(result.status()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("sh: 1: arithmetic expression: division by zero: \"1/0\"\n");
        TestKernel.Result unset = run("echo ${x:?not here}; echo after");
        assertThat(unset.err()).isEqualTo("sh: 1: x: not here\n");
        assertThat(unset.status()).isEqualTo(2);
    }

    @Test
    void backgroundAndWait() throws Exception {
        assertThat(out("sleep 0.1 & p=$!; wait $p; echo $?")).isEqualTo("0\n");
        assertThat(out("exitwith 3 & wait $!; echo $?")).isEqualTo("3\n");
        assertThat(out("(exit 4) & wait %1; echo $?")).isEqualTo("4\n");
        assertThat(out("{ echo bg; } > /tmp/bg & wait; cat /tmp/bg")).isEqualTo("bg\n");
        assertThat(out("sleep 5 & kill %1; wait %1; echo $?")).isEqualTo("143\n");
        assertThat(out("sleep 5 & jobs; kill %1")).isEqualTo("[1]+  Running                 sleep 5 &\n");
        assertThat(run("sleep 0.1 &").err()).isEmpty();
    }

    @Test
    void killListsSignals() throws Exception {
        assertThat(out("kill -l | head -n 2")).isEqualTo("0\nHUP\n"); // dash starts at 0
        assertThat(out("kill -l 130")).isEqualTo("INT\n");
        assertThat(run("kill -NOPE 1").err()).isEqualTo("sh: 1: kill: invalid signal number or name: NOPE\n");
    }
}
