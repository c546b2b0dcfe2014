package io.sandkernel.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The classes of POSIX behaviour dash has, each checked on the shell in sh mode. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PosixConformanceTest {
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
        return kernel.sh("", "-c", script);
    }

    private String out(String script) {
        return run(script).out();
    }

    @Test
    void allexportExportsEveryAssignment() {
        assertThat(out("set -a; A=1; f() { B=2; }; f; read C <<EOF\nthree\nEOF\nset +a; D=4;"
                + " sh -c 'echo $A $B $C ${D-unset}'")).isEqualTo("1 2 three unset\n");
    }

    @Test
    void everyDashOptionNameIsAcceptedAndListed() {
        assertThat(out("set -o vi; set -o emacs; set -o notify; set -o ignoreeof; set -o nolog; set -o debug;"
                + " set -o privileged; set -o | head -n 1; set -o | wc")).isEqualTo("Current option settings\n19\n");
        assertThat(out("set +o | head -n 2")).isEqualTo("set +o errexit\nset +o noglob\n");
        assertThat(run("set -o bogus; echo not reached").status()).isEqualTo(2);
    }

    @Test
    void noexecReadsButRunsNothing() {
        assertThat(run("set -n; echo not run").out()).isEmpty();
        assertThat(kernel.sh("", "-n", "-c", "echo not run").out()).isEmpty();
    }

    @Test
    void setDashAndSetPlusEndOptions() {
        assertThat(out("set -x; set - a b; echo \"$# $1 [$-]\"")).isEqualTo("2 a []\n");
        assertThat(out("set + x y; echo \"$# $*\"")).isEqualTo("2 x y\n");
        assertThat(out("set -ef; echo $-")).isEqualTo("fe\n");
    }

    @Test
    void loginAndInteractiveFlags() {
        assertThat(kernel.sh("", "-l", "-c", "echo ok").out()).isEqualTo("ok\n");
        assertThat(kernel.sh("echo $-\n", "-i").out()).contains("i");
    }

    @Test
    void umaskTakesSymbolicModesAndPrintsThem() {
        assertThat(out("umask 022; umask -S; umask u=rwx,g=rx,o=; umask; umask g+w; umask; umask a-w; umask -S;"
                + " umask =rx; umask; umask 077; umask +x; umask"))
                .isEqualTo("u=rwx,g=rx,o=rx\n0027\n0007\nu=rx,g=rx,o=\n0222\n0066\n");
        assertThat(run("umask u+q").status()).isEqualTo(2);
        assertThat(run("umask 8").status()).isEqualTo(2);
    }

    @Test
    void aliasesAsPosixSpecifies() {
        assertThat(out("alias e='echo ' w=world\ne w")).isEqualTo("world\n");
        assertThat(out("alias c1='c2 ' c2='echo ' x=X\nc1 x")).isEqualTo("X\n");
        assertThat(out("alias empty=''\nempty echo from-empty")).isEqualTo("from-empty\n");
        assertThat(out("eval 'alias later=\"echo later\"\nlater'")).isEqualTo("later\n");
        assertThat(out("alias r='echo redirected'\n>/dev/null r; A=1 r")).isEqualTo("redirected\n");
        assertThat(out("alias q=\"echo 'x'\"; alias q")).isEqualTo("q='echo '\"'\"'x'\"'\"\n");
    }

    @Test
    void printfReadsNumbersAsC() {
        assertThat(out("printf '%d %d %d %d %d\\n' +0x10 010 -010 \"'A\" '\"B'")).isEqualTo("16 8 -8 65 66\n");
        assertThat(out("printf '%u\\n' -1")).isEqualTo("18446744073709551615\n");
        TestKernel.Result overflow = run("printf '%d\\n' 99999999999999999999");
        assertThat(overflow.out()).isEqualTo("9223372036854775807\n");
        assertThat(overflow.status()).isEqualTo(1);
        assertThat(out("printf -- '%s\\n' x; printf '%-f|%#g|%g\\n' 3.5 2.5 0.0001")).isEqualTo("x\n3.500000|2.50000|0.0001\n");
        assertThat(out("printf '%b' '\\0101\\n'")).isEqualTo("A\n");
    }

    @Test
    void printfWritesByteEscapesAsSingleBytes() {
        TestKernel.Result result = run("printf '\\377\\200'");
        assertThat(result.out().length()).isEqualTo(2);
    }

    @Test
    void tildeInAssignmentsAndDefaults() {
        assertThat(out("a=~/x; p=x:~/bin:~; u=; b=${u:-~}; echo $a $p $b; export e=~/y; echo $e"))
                .isEqualTo("/home/user/x x:/home/user/bin:/home/user /home/user\n/home/user/y\n");
        assertThat(out("echo ~root/s ~nosuch; x=~root; echo $x")).isEqualTo("/root/s ~nosuch\n/root\n");
        assertThat(out("c=\"~\"; echo $c; d=x~y; echo $d")).isEqualTo("~\nx~y\n");
    }

    @Test
    void descriptorsOfExecReachSubshellsAndPipelines() {
        assertThat(out("exec 3>&1; (echo sub >&3); echo pipe >&3 | cat; f() { echo func >&3; }; f | cat"))
                .isEqualTo("sub\npipe\nfunc\n");
        assertThat(out("echo hello > f; exec 8<>f; read l <&8; echo more >&8; exec 8>&-; echo $l; cat f"))
                .isEqualTo("hello\nhello\nmore\n");
        assertThat(out("command exec 4>g; echo four >&4; exec 4>&-; cat g")).isEqualTo("four\n");
    }

    @Test
    void noclobberRefusesRegularFilesOnly() {
        assertThat(out("set -C; echo 1 > f; echo 2 > f || echo refused; echo 3 >| f; echo n > /dev/null && cat f"))
                .isEqualTo("refused\n3\n");
    }

    @Test
    void redirectionErrorsOnSpecialBuiltinsAndAssignments() {
        TestKernel.Result assignment = run("x=1 >/no/such/f; echo \"$? ${x-unset}\"");
        assertThat(assignment.out()).isEqualTo("2 unset\n");
        TestKernel.Result special = run("export Z=1 >/no/such/f; echo not reached");
        assertThat(special.out()).isEmpty();
        assertThat(special.status()).isEqualTo(2);
        assertThat(out(": >/no/such/f || echo colon-failed")).isEmpty();
    }

    @Test
    void trapFormsAsDash() {
        assertThat(out("trap -- 'echo t' TERM; trap 'x' USR1; trap; trap TERM; trap - USR1; trap | wc -l"))
                .isEqualTo("trap -- 'x' USR1\ntrap -- 'echo t' TERM\n0\n");
        assertThat(out("trap 'echo k' KILL; echo $?; trap 'echo s' STOP; echo $?")).isEqualTo("0\n0\n");
        assertThat(out("trap 'echo bye' EXIT; echo hi")).isEqualTo("hi\nbye\n");
    }

    @Test
    void prefixAssignmentsAreVisibleToLaterOnes() {
        assertThat(out("A=1 B=$A env | grep B=; A=x; A=y B=$A env | grep B=; VAR=v exec env | grep VAR="))
                .isEqualTo("B=1\nB=y\nVAR=v\n");
        assertThat(out("i=0; echo $((i+=1)) >o$((i+=1)); cat o2")).isEqualTo("1\n");
    }

    @Test
    void testCountsItsArguments() {
        assertThat(out("[ -a -a ]; echo $?; [ -n ]; echo $?; [ ! ]; echo $?; [ '(' ')' ]; echo $?; [ = = = ]; echo $?"))
                .isEqualTo("1\n0\n0\n1\n0\n");
        assertThat(run("[ -t x ]").status()).isEqualTo(2);
        assertThat(run("[ -x -a -x ]").status()).isEqualTo(2);
    }

    @Test
    void getoptsStateAndOptarg() {
        assertThat(out("set -- -a -b x; while getopts ab: o; do echo \"$o [${OPTARG-unset}]\"; done; echo $OPTIND"))
                .isEqualTo("a []\nb [x]\n4\n");
        assertThat(out("set -- -a; getopts a o; set -- -b; getopts ab o; echo $? $o $OPTIND")).isEqualTo("0 b 2\n");
        assertThat(out("set -- -q; getopts :a o; echo \"$o $OPTARG\"")).isEqualTo("? q\n");
    }

    @Test
    void commandLookupStatuses() {
        assertThat(out("command -v nosuch; echo $?; hash nosuch 2>/dev/null; echo $?")).isEqualTo("127\n1\n");
        assertThat(out("printf 'echo hi\\n' > s; ./s 2>/dev/null; echo $?; chmod 755 s; ./s; echo $?"))
                .isEqualTo("126\nhi\n0\n");
    }

    @Test
    void loopControlInConditionsAndSubshells() {
        assertThat(out("for i in 1 2; do while break; do echo never; done; echo $i; done")).isEqualTo("1\n2\n");
        assertThat(out("for i in 1 2; do while continue 2; do :; done; echo no; done; echo done")).isEqualTo("done\n");
    }

    @Test
    void quotedPatternsInTrimming() {
        assertThat(out("v='a*b*c'; echo \"${v#'a*'}\" \"${v%'*c'}\" ${v#a*}; w='[x]yz'; echo \"${w#'[x]'}\""))
                .isEqualTo("b*c a*b *b*c\nyz\n");
        assertThat(out("set -- a b; echo ${##1}; set -- 1 2 3 4 5 6 7 8 9 10 11; echo ${##1} ${#%1}")).isEqualTo("2\n1 1\n");
    }

    @Test
    void cdDashDashCdpathAndOldpwd() {
        assertThat(out("mkdir -p b/s; cd -- b && cd s && cd - && echo ${OLDPWD##*/}; CDPATH=/home/user/b cd s"))
                .isEqualTo("/home/user/b\ns\n/home/user/b/s\n");
    }

    @Test
    void backslashFromAnExpansionQuotesInAGlob() {
        assertThat(out("touch 'a*b' axb; v='a\\*b'; echo $v; v2='*\\b'; echo $v2; case 'a*b' in $v) echo m;; esac"))
                .isEqualTo("a\\*b\na*b axb\nm\n");
    }

    @Test
    void errexitIsOffInsideAnIfSubshell() {
        assertThat(out("set -e; if ( false; echo in ); then echo then; fi; ( false ) || echo or")).isEqualTo("in\nthen\nor\n");
    }

    @Test
    void statusInCaseWordsAndStarJoining() {
        assertThat(out("false; case $? in 1) echo one;; esac; (exit 4); case x in y) ;; esac; echo $?")).isEqualTo("one\n0\n");
        assertThat(out("set -- a b c; IFS=:; echo \"$*\"; IFS=; echo \"$*\"; unset IFS; echo \"$*\"")).isEqualTo("a:b:c\nabc\na b c\n");
    }

    @Test
    void heredocDelimitersWithDollar() {
        assertThat(out("cat <<$EOF\none\n$EOF\ncat <<'a$b'\ntwo\na$b\n")).isEqualTo("one\ntwo\n");
    }

    @Test
    void ppidAndNulBytesInCommandSubstitution() {
        assertThat(out("[ $(echo $PPID) = $PPID ] && echo same; x=$(printf 'a\\0b'); echo ${#x}")).isEqualTo("same\n2\n");
    }

    @Test
    void linenoCountsLines() {
        assertThat(out("echo $LINENO\nf() {\n echo $LINENO\n}\nf")).isEqualTo("1\n3\n");
    }

    @Test
    void readDropsALoneTrailingDelimiterFromTheLastVariable() {
        assertThat(out("echo a:b: | { IFS=: read x y; echo \"[$y]\"; }; echo a:b:: | { IFS=: read x y; echo \"[$y]\"; }"))
                .isEqualTo("[b]\n[b::]\n");
    }

    @Test
    void timesPrintsShellAndChildrenTimesLikeDash() {
        assertThat(out("times")).matches("0m\\d+\\.\\d{6}s 0m\\d+\\.\\d{6}s\n0m\\d+\\.\\d{6}s 0m\\d+\\.\\d{6}s\n");
    }

    @Test
    void lengthOfAllParametersMeasuresTheirJoinedText() {
        assertThat(out("set -- a b c; echo ${#@}; IFS=; echo ${#*}")).isEqualTo("5\n3\n");
    }

    @Test
    void aliasesAreListedInDashsHashOrder() {
        assertThat(out("alias e=1 q=2 x=3 y=4 z=5; alias")).isEqualTo("e='1'\nz='5'\nq='2'\nx='3'\ny='4'\n");
    }

    @Test
    void killListsSignalsAsDashDoes() {
        assertThat(out("set -- $(kill -l); echo $1 ${17} ${33} ${35}; kill -l 178 9")).isEqualTo("0 16 32 RTMIN\nRTMAX-14\n");
    }

    @Test
    void aFailedRedirectionOfACompoundCommandNamesTheLineItStartsOn() {
        TestKernel.Result result = kernel.sh("", "-c", "echo a\n{\n echo b\n} > /nonexistent/f\nfor i in a; do (continue; echo no); done");
        assertThat(result.out()).isEqualTo("a\n");
        assertThat(result.err()).isEqualTo("sh: 2: cannot create /nonexistent/f: Directory nonexistent\n");
    }

    @Test
    void arithmeticReadsVariablesAsNumbersAndSaturatesLiterals() {
        assertThat(out("v=' 0x10 '; echo $((v+1)) $((-9223372036854775808)); f() { return 300; }; f; echo $?"))
                .isEqualTo("17 -9223372036854775807\n300\n");
        TestKernel.Result result = kernel.sh("", "-c", "x=1+2; echo $((x)); echo not-reached");
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).isEqualTo("sh: 1: Illegal number: 1+2\n");
    }

    @Test
    void anInteractiveShellReadsEnvAndALoginShellItsProfile() {
        assertThat(out("echo 'echo from-env' > e; echo 'echo from-profile' > \"$HOME/.profile\";"
                + " ENV=$PWD/e sh -i -c 'echo body' 2>/dev/null; ENV=$PWD/e sh -c 'echo plain'; sh -l -c 'echo login'"))
                .isEqualTo("from-env\nbody\nplain\nfrom-profile\nlogin\n");
    }
}
