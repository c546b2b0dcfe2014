package io.sandkernel.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sandkernel.api.fs.DirEntry;
import io.sandkernel.api.fs.FileType;
import io.sandkernel.shell.Ast.CmdSub;
import io.sandkernel.shell.Ast.SimpleCommand;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ExpanderTest {
    /** The files globbing sees, working directory /work; directories end in a slash. */
    private static final Set<String> TREE = new TreeSet<>(List.of("/", "/work/", "/work/sub/", "/work/a.txt",
            "/work/b.txt", "/work/c.log", "/work/.hidden.txt", "/work/sub/x.txt", "/work/sub/y.md"));

    private ShellState state;
    private Expander expander;

    @BeforeEach
    void setUp() {
        state = new ShellState();
        state.set("HOME", "/home/me");
        state.set("x", "hello");
        state.set("empty", "");
        state.set("spaced", "  one two\tthree  ");
        state.set("path", "/usr/local/lib/file.tar.gz");
        state.positional = new ArrayList<>(List.of("p 1", "p2", "p3"));
        state.arg0 = "sh";
        state.lastStatus = 3;
        state.shellPid = 42;
        state.lastBackgroundPid = 77;
        expander = new Expander(state, new Expander.Context() {
            @Override
            public String commandSubstitution(CmdSub sub) {
                return "[" + sub.source().trim() + "]\n\n";
            }
        }, new Expander.Files() {
            @Override
            public List<DirEntry> listDirectory(String path) {
                String dir = absolute(path) + "/";
                if (!TREE.contains(dir)) {
                    return null;
                }
                List<DirEntry> entries = new ArrayList<>(List.of(new DirEntry(".", 1, FileType.DIRECTORY),
                        new DirEntry("..", 1, FileType.DIRECTORY)));
                for (String file : TREE) {
                    String rest = file.startsWith(dir) ? file.substring(dir.length()) : "";
                    int slash = rest.indexOf('/');
                    if (!rest.isEmpty() && (slash < 0 || slash == rest.length() - 1)) {
                        entries.add(new DirEntry(rest.replace("/", ""), entries.size(),
                                slash < 0 ? FileType.REGULAR : FileType.DIRECTORY));
                    }
                }
                return entries;
            }

            @Override
            public boolean exists(String path) {
                return TREE.contains(absolute(path)) || isDirectory(path);
            }

            @Override
            public boolean isDirectory(String path) {
                return TREE.contains(absolute(path) + "/");
            }
        });
    }

    private static String absolute(String path) {
        String full = path.startsWith("/") ? path : "/work/" + path;
        full = full.replaceAll("/+", "/").replaceAll("/\\.$", "").replaceAll("/\\./", "/");
        return full.length() > 1 && full.endsWith("/") ? full.substring(0, full.length() - 1) : full;
    }

    /** Expands the arguments of {@code echo ARGS} into fields. */
    private List<String> fields(String words) {
        SimpleCommand command = (SimpleCommand) Parser.parse("echo " + words);
        return expander.expandWords(command.words().subList(1, command.words().size()));
    }

    private String one(String word) {
        List<String> result = fields(word);
        assertThat(result).as(word).hasSize(1);
        return result.get(0);
    }

    @Test
    void specialParameters() {
        assertThat(fields("$? $$ $! $# $0 $1 $2")).containsExactly("3", "42", "77", "3", "sh", "p", "1", "p2");
        assertThat(one("\"$1\"")).isEqualTo("p 1");
        assertThat(fields("\"$@\"")).containsExactly("p 1", "p2", "p3");
        assertThat(fields("\"$*\"")).containsExactly("p 1 p2 p3");
        assertThat(fields("$@")).containsExactly("p", "1", "p2", "p3");
        assertThat(fields("x\"$@\"y")).containsExactly("xp 1", "p2", "p3y");
        state.positional = new ArrayList<>();
        assertThat(fields("\"$@\"")).isEmpty();
        assertThat(fields("\"\"")).containsExactly("");
    }

    @Test
    void defaultsAndAlternatives() {
        assertThat(one("${x:-d}")).isEqualTo("hello");
        assertThat(one("${unset:-d}")).isEqualTo("d");
        assertThat(one("${empty:-d}")).isEqualTo("d");
        assertThat(fields("${empty-d}")).isEmpty();
        assertThat(one("${unset-d}")).isEqualTo("d");
        assertThat(one("${x:+alt}")).isEqualTo("alt");
        assertThat(fields("${empty:+alt}")).isEmpty();
        assertThat(one("${empty+alt}")).isEqualTo("alt");
        assertThat(one("${new:=assigned}")).isEqualTo("assigned");
        assertThat(state.get("new")).isEqualTo("assigned");
        assertThat(one("${x:=other}")).isEqualTo("hello");
        assertThat(one("\"${unset:-two words}\"")).isEqualTo("two words");
        assertThat(fields("${unset:-two words}")).containsExactly("two", "words");
    }

    @Test
    void errorOnUnset() {
        assertThatThrownBy(() -> fields("${unset:?is missing}")).isInstanceOf(ShellError.class)
                .hasMessage("unset: is missing");
        assertThatThrownBy(() -> fields("${empty:?}")).isInstanceOf(ShellError.class)
                .hasMessage("empty: parameter not set");
        assertThat(fields("${empty?}")).isEmpty();
        state.nounset = true;
        assertThatThrownBy(() -> fields("$nothing")).isInstanceOf(ShellError.class)
                .hasMessage("nothing: parameter not set");
    }

    @Test
    void lengthAndTrimming() {
        assertThat(one("${#x}")).isEqualTo("5");
        assertThat(one("${#}")).isEqualTo("3");
        assertThat(one("${path%.*}")).isEqualTo("/usr/local/lib/file.tar");
        assertThat(one("${path%%.*}")).isEqualTo("/usr/local/lib/file");
        assertThat(one("${path#*/}")).isEqualTo("usr/local/lib/file.tar.gz");
        assertThat(one("${path##*/}")).isEqualTo("file.tar.gz");
        assertThat(one("${x%l*}")).isEqualTo("hel");
        assertThat(one("${x%\"l*\"}")).isEqualTo("hello");
        assertThat(one("${x#[a-h]}")).isEqualTo("ello");
    }

    @Test
    void quoting() {
        assertThat(one("'$x'")).isEqualTo("$x");
        assertThat(one("\"$x\"")).isEqualTo("hello");
        assertThat(one("\\$x")).isEqualTo("$x");
        assertThat(one("\"a\\\"b\\\\c\\d\"")).isEqualTo("a\"b\\c\\d");
        assertThat(one("\"'\"")).isEqualTo("'");
        assertThat(one("a''b")).isEqualTo("ab");
        assertThat(one("~/x")).isEqualTo("/home/me/x");
        assertThat(one("'~'")).isEqualTo("~");
    }

    @Test
    void fieldSplitting() {
        assertThat(fields("$spaced")).containsExactly("one", "two", "three");
        assertThat(one("\"$spaced\"")).isEqualTo("  one two\tthree  ");
        state.set("IFS", ":");
        state.set("v", "a::b:");
        assertThat(fields("$v")).containsExactly("a", "", "b");
        state.set("IFS", ": ");
        state.set("v", " a : b ");
        assertThat(fields("$v")).containsExactly("a", "b");
        state.set("IFS", "");
        assertThat(fields("$spaced")).containsExactly("  one two\tthree  ");
        assertThat(fields("$empty")).isEmpty();
    }

    @Test
    void commandSubstitutionDropsTrailingNewlines() {
        assertThat(one("\"$(date)\"")).isEqualTo("[date]");
        assertThat(fields("$(a b)")).containsExactly("[a", "b]");
        assertThat(one("`x`")).isEqualTo("[x]");
    }

    @Test
    void arithmetic() {
        assertThat(one("$((1 + 2 * 3))")).isEqualTo("7");
        assertThat(one("$(( (1+2) * 3 ))")).isEqualTo("9");
        assertThat(one("$((7 / 2)) ")).isEqualTo("3");
        assertThat(one("$((-7 % 3))")).isEqualTo("-1");
        state.bash = true; // ** is bash's; dash has no such operator
        assertThat(one("$((2 ** 8))")).isEqualTo("256");
        state.bash = false;
        assertThat(one("$((1 < 2 && 2 <= 2 || 0))")).isEqualTo("1");
        assertThat(one("$((!0 + ~0))")).isEqualTo("0");
        assertThat(one("$((6 & 3 | 8 ^ 1))")).isEqualTo("11");
        assertThat(one("$((1 << 4 >> 1))")).isEqualTo("8");
        assertThat(one("$((3 > 2 ? 10 : 20))")).isEqualTo("10");
        assertThat(one("$((0x10 + 010))")).isEqualTo("24");
        assertThat(one("$((n = 5, n))".replace(", n", ""))).isEqualTo("5");
        assertThat(state.get("n")).isEqualTo("5");
        assertThat(one("$((n += 2))")).isEqualTo("7");
        assertThat(one("$((n *= 2))")).isEqualTo("14");
        assertThat(one("$(($n + n))")).isEqualTo("28");
        assertThat(one("$((0 && (m = 1)))")).isEqualTo("0");
        assertThat(state.get("m")).isNull();
        assertThat(one("$((1 == 1 != 0))")).isEqualTo("1");
        state.set("loop", "loop");
        state.set("expr", "2 + 3");
        assertThatThrownBy(() -> fields("$((expr * 2))")).isInstanceOf(ShellError.class)
                .hasMessage("Illegal number: 2 + 3"); // dash wants a number in a variable
        state.bash = true; // bash evaluates it as an expression
        assertThatThrownBy(() -> fields("$((loop))")).isInstanceOf(ShellError.class)
                .hasMessageContaining("recursion");
        assertThat(one("$((expr * 2))")).isEqualTo("10");
        state.bash = false;
        assertThatThrownBy(() -> fields("$((1 / 0))")).isInstanceOf(ShellError.class)
                .hasMessageContaining("division by zero");
        assertThatThrownBy(() -> fields("$((1 +))")).isInstanceOf(ShellError.class)
                .hasMessage("arithmetic expression: expecting primary: \"1 +\"");
    }

    @Test
    void globbing() {
        assertThat(fields("*.txt")).containsExactly("a.txt", "b.txt");
        assertThat(fields("?.*")).containsExactly("a.txt", "b.txt", "c.log");
        assertThat(fields("[ab].txt")).containsExactly("a.txt", "b.txt");
        assertThat(fields("[!a].txt")).containsExactly("b.txt");
        assertThat(fields(".*.txt")).containsExactly(".hidden.txt");
        assertThat(fields(".*")).as("as dash, which reads . and .. from the directory")
                .containsExactly(".", "..", ".hidden.txt");
        assertThat(fields("sub/*")).containsExactly("sub/x.txt", "sub/y.md");
        assertThat(fields("*/*.md")).containsExactly("sub/y.md");
        assertThat(fields("/work/*.log")).containsExactly("/work/c.log");
        assertThat(fields("*.none")).containsExactly("*.none");
        assertThat(fields("'*'.txt")).containsExactly("*.txt");
        assertThat(fields("\"*.txt\"")).containsExactly("*.txt");
        state.set("pat", "*.log");
        assertThat(fields("$pat")).containsExactly("c.log");
        assertThat(fields("\"$pat\"")).containsExactly("*.log");
        state.noglob = true;
        assertThat(fields("*.txt")).containsExactly("*.txt");
    }

    @Test
    void patterns() {
        assertThat(Patterns.matches("a*c", "abbbc")).isTrue();
        assertThat(Patterns.matches("a?c", "abc")).isTrue();
        assertThat(Patterns.matches("a?c", "ac")).isFalse();
        assertThat(Patterns.matches("[[:digit:]]*", "1abc")).isTrue();
        assertThat(Patterns.matches("[a-c]x", "bx")).isTrue();
        assertThat(Patterns.matches("[!a-c]x", "bx")).isFalse();
        assertThat(Patterns.matches("\\*", "*")).isTrue();
        assertThat(Patterns.matches("\\*", "a")).isFalse();
        assertThat(Patterns.matches("[]]", "]")).isTrue();
        assertThat(Patterns.matches("[", "[")).isTrue();
    }

    @Test
    void hereDocumentBodies() {
        SimpleCommand command = (SimpleCommand) Parser.parse("cat <<EOF\n$x \\$x \"q\" `y`\nEOF\n");
        Ast.HereDoc doc = command.redirections().get(0).heredoc();
        assertThat(expander.expandHeredoc(doc.body)).isEqualTo("hello $x \"q\" [y]\n");
    }
}
