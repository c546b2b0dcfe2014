package io.sandkernel.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The interpreter as {@code bash}: the features bash scripts use most, on a real kernel. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class BashModeTest {
    private TestKernel kernel;

    @BeforeEach
    void setUp() {
        kernel = new TestKernel();
    }

    @AfterEach
    void tearDown() {
        kernel.close();
    }

    private TestKernel.Result run(String script) {
        return kernel.bash("", "-c", script);
    }

    private String out(String script) {
        return run(script).out();
    }

    @Test
    void doubleBracketsMatchPatternsAndRegexes() {
        assertThat(out("f=a.txt; [[ $f == *.txt && $f != *.md ]] && echo glob; [[ $f == \"*.txt\" ]] || echo literal"))
                .isEqualTo("glob\nliteral\n");
        assertThat(out("[[ v3.14 =~ ([0-9]+)\\.([0-9]+) ]] && echo \"${BASH_REMATCH[0]} ${BASH_REMATCH[2]}\""))
                .isEqualTo("3.14 14\n");
        assertThat(out("[[ a.c =~ \"a.c\" ]] && [[ abc =~ \"a.c\" ]] || echo quoted-is-literal")).isEqualTo("quoted-is-literal\n");
        assertThat(out("x=5; [[ ( $x -gt 3 ) && ! $x -eq 4 || x ]] && echo yes")).isEqualTo("yes\n");
    }

    @Test
    void indexedArrays() {
        assertThat(out("a=(one 'two words' three); echo ${#a[@]} \"${a[1]}\" ${!a[@]}; a+=(four); a[7]=x;"
                + " echo ${#a[@]} ${a[-1]} \"${a[@]:1:2}\"; unset 'a[0]'; echo ${!a[@]}"))
                .isEqualTo("3 two words 0 1 2\n5 x two words three\n1 2 3 7\n");
    }

    @Test
    void associativeArraysListKeysInBashsOrder() {
        assertThat(out("declare -A m=([x]=1 [y]=2 [z]=3 [abc]=4 [0]=5 [hello]=6 [b]=7); echo ${!m[@]}; echo ${m[abc]}"))
                .isEqualTo("0 z y hello x b abc\n4\n");
    }

    @Test
    void parameterOperations() {
        assertThat(out("s='hello world'; echo ${s//o/0} ${s/#h/H} ${s/%d/D} ${s:6} ${s:0:5} ${s: -3} ${s^^} ${s^}"))
                .isEqualTo("hell0 w0rld Hello world hello worlD world hello rld HELLO WORLD Hello world\n");
        assertThat(out("n=target; target=v; echo ${!n}; q=\"it's\"; echo ${q@Q}; echo $'a\\tb'")).isEqualTo("v\n'it'\\''s'\na\tb\n");
    }

    @Test
    void braceExpansion() {
        assertThat(out("echo {a,b}{1,2} {1..10..3} {a..c} {01..03} \"{x,y}\"")).isEqualTo("a1 a2 b1 b2 1 4 7 10 a b c 01 02 03 {x,y}\n");
    }

    @Test
    void arithmeticCommandsLetAndCStyleFor() {
        assertThat(out("(( x = 3 * 4 )); let y=x+1; for ((i=0; i<3; i++)); do s+=$i; done; echo $x $y $s $((2**10))"))
                .isEqualTo("12 13 012 1024\n");
        assertThat(run("(( 0 ))").status()).isEqualTo(1);
    }

    @Test
    void hereStringsFunctionsAndLocals() {
        assertThat(out("read a b <<< 'one two'; echo $b; function f { local v=in; echo $v; }; v=out; f; echo $v"))
                .isEqualTo("two\nin\nout\n");
    }

    @Test
    void declareAndNamerefs() {
        assertThat(out("declare -i n=2+3; declare -u u=up; declare -a a=(1 2); declare -p a;"
                + " fill() { local -n r=$1; r=(x y); }; fill b; echo $n $u ${b[1]}"))
                .isEqualTo("declare -a a=([0]=\"1\" [1]=\"2\")\n5 UP y\n");
    }

    @Test
    void pipefailAndPipestatus() {
        assertThat(out("false | true; echo $? ${PIPESTATUS[@]}; set -o pipefail; false | true; echo $?")).isEqualTo("0 1 0\n1\n");
    }

    @Test
    void shoptGlobbing() {
        assertThat(out("touch a.txt b.log .h; shopt -s nullglob; echo *.none end\nshopt -s extglob\necho !(*.txt);"
                + " shopt -s dotglob; echo *")).isEqualTo("end\nb.log\n.h a.txt b.log\n");
    }

    @Test
    void sourcePushdMapfileAndReadOptions() {
        assertThat(out("echo 'v=sourced' > lib; source ./lib; echo $v; mkdir d; pushd d >/dev/null; popd >/dev/null;"
                + " echo ${PWD##*/}; mapfile -t l <<< $'a\\nb'; echo ${#l[@]}; read -a w -d : <<< 'x y:z'; echo ${w[1]}"))
                .isEqualTo("sourced\nuser\n2\ny\n");
    }

    @Test
    void printfToAVariable() {
        assertThat(out("printf -v x '%03d' 7; echo $x; printf '%q\\n' 'a b'")).isEqualTo("007\na\\ b\n");
    }

    @Test
    void specialVariables() {
        assertThat(out("[[ $BASH_VERSION == 5.* ]] && echo v; f() { echo ${FUNCNAME[0]}; }; f; RANDOM=42; echo $RANDOM;"
                + " [[ $BASHPID == $$ ]] && echo same; (( SECONDS >= 0 )) && echo s")).isEqualTo("v\nf\n17772\nsame\ns\n");
    }

    @Test
    void errDebugAndReturnTraps() {
        assertThat(out("trap 'echo err $?' ERR; false; f() { trap 'echo ret' RETURN; }; f; echo end"))
                .isEqualTo("err 1\nret\nend\n");
    }

    @Test
    void processSubstitutionAndBothStreams() {
        assertThat(out("cat <(echo in); { echo o; echo e >&2; } &> f; cat f; echo x |& cat")).isEqualTo("in\no\ne\nx\n");
    }

    @Test
    void anExpansionErrorAbandonsTheLineOnly() {
        TestKernel.Result result = run("echo $((1/0)); echo same-line\necho next-line");
        assertThat(result.out()).isEqualTo("next-line\n");
        assertThat(result.err()).contains("division by 0");
    }

    @Test
    void shStaysPosix() {
        assertThat(kernel.sh("", "-c", "echo {a,b}; [[ x ]] 2>/dev/null; echo $?").out()).isEqualTo("{a,b}\n127\n");
    }

    @Test
    void aSubshellListsItsParentsTrapsUntilItSetsOne() {
        assertThat(out("trap 'echo hi' USR1; x=$(trap); echo \"$x\"; (trap - INT; trap) | wc -l"))
                .isEqualTo("trap -- 'echo hi' SIGUSR1\n0\n");
    }

    @Test
    void killListsSignalsAsBashDoes() {
        assertThat(out("kill -l 16 178 0; mapfile -t table < <(kill -l); echo \"${table[6]}\"")).isEqualTo(
                "STKFLT\nRTMAX-14\nEXIT\n31) SIGSYS\t34) SIGRTMIN\t35) SIGRTMIN+1\t36) SIGRTMIN+2\t37) SIGRTMIN+3\n");
    }

    @Test
    void waitWaitsForTheLastProcessSubstitution() {
        assertThat(out("echo data > >(cat > f); wait; cat f; : > >(exit 3); wait $!; echo $?")).isEqualTo("data\n3\n");
    }

    @Test
    void aSubshellInALoopIsOutsideIt() {
        TestKernel.Result result = run("for i in a; do (continue; echo still); done; cat < /nonexistent; echo $?");
        assertThat(result.out()).isEqualTo("still\n1\n");
        assertThat(result.err()).contains("continue: only meaningful in a `for', `while', or `until' loop");
    }

    @Test
    void evalSyntaxErrorsAndStrayReturnsFailWithTwo() {
        assertThat(out("eval 'if'; echo $?; (return); echo $?; x=1+2; echo $((x))")).isEqualTo("2\n2\n3\n");
        assertThat(run("echo $((1 + ))").err()).isEqualTo(
                "bash: line 1: 1 + : syntax error: operand expected (error token is \"+ \")\n");
    }

    @Test
    void selectShowsAMenuAndReadsChoicesUntilBreakOrEndOfInput() {
        TestKernel.Result result = run("select x in a b; do echo \"$x/$REPLY\"; done <<< $'2\\nzz'; echo $?;"
                + " compgen -W 'apple apricot banana' -- ap");
        assertThat(result.out()).isEqualTo("b/2\n/zz\n\n1\napple\napricot\n");
        assertThat(result.err()).isEqualTo("1) a\n2) b\n#? #? #? ");
    }

    @Test
    void printfCountsBytesAndReadCountsCharacters() {
        assertThat(out("printf '%.2s|%4s|\\n' 'éà' 'é'; read -n 1 c <<< 'éa'; echo \"$c\""))
                .isEqualTo("é|  é|\né\n");
    }

    @Test
    void bashReadsBashrcWhenInteractiveAndBashEnvOtherwise() {
        assertThat(out("echo 'echo rc' > \"$HOME/.bashrc\"; echo 'echo env' > b; bash -i -c 'echo i' 2>/dev/null;"
                + " BASH_ENV=$PWD/b bash -c 'echo c'; bash --norc -i -c 'echo norc' 2>/dev/null"))
                .isEqualTo("rc\ni\nenv\nc\nnorc\n");
    }

    @Test
    void underNounsetTheLengthOfAnArrayNeverAssignedAbandonsTheLine() {
        assertThat(out("set -u; declare -A m; echo ${#m[@]} same-line\narr=(); echo ${#arr[@]} next")).isEqualTo("0 next\n");
    }

    @Test
    void declareFPrintsFunctionsAsBashDoes() {
        assertThat(out("f() { if [[ a && ( b || c ) ]]; then x=$'q'; fi; for i in 1; do :; done; a & b; }; declare -f f"))
                .isEqualTo("f () \n{ \n    if [[ -n a && ( -n b || -n c ) ]]; then\n        x='q';\n    fi;\n"
                        + "    for i in 1;\n    do\n        :;\n    done;\n    a & b\n}\n");
    }

    @Test
    void aCoprocessTalksThroughTwoPipesAndIsGivenBackWhenWaitedFor() {
        assertThat(out("coproc up { while read -r l; do echo \"<$l>\"; done; }; echo \"${up[0]} ${up[1]}\";"
                + " echo hi >&${up[1]}; read -r r <&${up[0]}; echo \"$r\"; exec {up[1]}>&-; wait $up_PID;"
                + " echo \"${up_PID:-gone}\""))
                .isEqualTo("63 60\n<hi>\ngone\n");
    }
}
