package io.sandkernel.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sandkernel.shell.Ast.AndOr;
import io.sandkernel.shell.Ast.Background;
import io.sandkernel.shell.Ast.BraceGroup;
import io.sandkernel.shell.Ast.Case;
import io.sandkernel.shell.Ast.CmdSub;
import io.sandkernel.shell.Ast.Dq;
import io.sandkernel.shell.Ast.For;
import io.sandkernel.shell.Ast.FunctionDef;
import io.sandkernel.shell.Ast.If;
import io.sandkernel.shell.Ast.Lit;
import io.sandkernel.shell.Ast.Loop;
import io.sandkernel.shell.Ast.Node;
import io.sandkernel.shell.Ast.Param;
import io.sandkernel.shell.Ast.Pipeline;
import io.sandkernel.shell.Ast.Quoted;
import io.sandkernel.shell.Ast.RedirOp;
import io.sandkernel.shell.Ast.Redirected;
import io.sandkernel.shell.Ast.Redirection;
import io.sandkernel.shell.Ast.Sequence;
import io.sandkernel.shell.Ast.SimpleCommand;
import io.sandkernel.shell.Ast.Subshell;
import io.sandkernel.shell.Ast.Word;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ParserTest {
    private static SimpleCommand simple(String source) {
        return (SimpleCommand) Parser.parse(source);
    }

    private static List<String> raws(List<Word> words) {
        return words.stream().map(Word::raw).toList();
    }

    @Test
    void simpleCommandWithAssignmentsAndRedirections() {
        SimpleCommand command = simple("A=1 B=two cmd arg1 'arg 2' >out 2>&1 <in");
        assertThat(command.assignments()).extracting(Ast.Assignment::name).containsExactly("A", "B");
        assertThat(raws(command.words())).containsExactly("cmd", "arg1", "'arg 2'");
        assertThat(command.redirections()).extracting(Redirection::fd, Redirection::op)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, RedirOp.OUT),
                        org.assertj.core.groups.Tuple.tuple(2, RedirOp.DUP_OUT),
                        org.assertj.core.groups.Tuple.tuple(0, RedirOp.IN));
        assertThat(command.line()).isEqualTo(1);
    }

    @Test
    void wordsAreSplitIntoParts() {
        SimpleCommand command = simple("echo a\"b $x\"'c'\\d ${y:-z} $(cmd) $((1+2))");
        Word first = command.words().get(1);
        assertThat(first.parts()).hasSize(4);
        assertThat(first.parts().get(0)).isEqualTo(new Lit("a"));
        assertThat(first.parts().get(1)).isInstanceOf(Dq.class);
        assertThat(((Dq) first.parts().get(1)).parts()).containsExactly(new Quoted("b "), new Param("x", "", null));
        assertThat(first.parts().get(2)).isEqualTo(new Quoted("c"));
        assertThat(first.parts().get(3)).isEqualTo(new Quoted("d"));
        Param param = (Param) command.words().get(2).parts().get(0);
        assertThat(param.name()).isEqualTo("y");
        assertThat(param.op()).isEqualTo(":-");
        assertThat(param.arg().raw()).isEqualTo("z");
        assertThat(command.words().get(3).parts().get(0)).isInstanceOf(CmdSub.class);
        assertThat(command.words().get(4).parts().get(0)).isInstanceOf(Ast.Arith.class);
    }

    @Test
    void pipelinesAndListsNest() {
        Node node = Parser.parse("! a | b && c || d & e; f");
        assertThat(node).isInstanceOf(Sequence.class);
        Sequence sequence = (Sequence) node;
        assertThat(sequence.items()).hasSize(3);
        Background background = (Background) sequence.items().get(0);
        AndOr or = (AndOr) background.body();
        assertThat(or.and()).isFalse();
        AndOr and = (AndOr) or.left();
        assertThat(and.and()).isTrue();
        Pipeline pipeline = (Pipeline) and.left();
        assertThat(pipeline.negated()).isTrue();
        assertThat(pipeline.commands()).hasSize(2);
    }

    @Test
    void compoundCommands() {
        assertThat(Parser.parse("if a; then b; elif c; then d; else e; fi")).isInstanceOfSatisfying(If.class,
                i -> assertThat(i.otherwise()).isInstanceOf(If.class));
        assertThat(Parser.parse("for x in 1 2 3; do echo $x; done")).isInstanceOfSatisfying(For.class, f -> {
            assertThat(f.name()).isEqualTo("x");
            assertThat(raws(f.words())).containsExactly("1", "2", "3");
        });
        assertThat(Parser.parse("for x do echo; done")).isInstanceOfSatisfying(For.class,
                f -> assertThat(f.words()).isNull());
        assertThat(Parser.parse("while a\ndo\nb\ndone")).isInstanceOfSatisfying(Loop.class,
                l -> assertThat(l.until()).isFalse());
        assertThat(Parser.parse("until a; do b; done")).isInstanceOfSatisfying(Loop.class,
                l -> assertThat(l.until()).isTrue());
        assertThat(Parser.parse("( a; b )")).isInstanceOf(Subshell.class);
        assertThat(Parser.parse("{ a; b; } > out")).isInstanceOfSatisfying(Redirected.class,
                r -> assertThat(r.body()).isInstanceOf(BraceGroup.class));
        assertThat(Parser.parse("f() { echo; }")).isInstanceOfSatisfying(FunctionDef.class,
                f -> assertThat(f.name()).isEqualTo("f"));
    }

    @Test
    void caseItems() {
        Case node = (Case) Parser.parse("case $x in\n a|b) echo ab;;\n (c*) ;;\n *) echo other\nesac");
        assertThat(node.items()).hasSize(3);
        assertThat(raws(node.items().get(0).patterns())).containsExactly("a", "b");
        assertThat(node.items().get(1).body()).isNull();
        assertThat(raws(node.items().get(2).patterns())).containsExactly("*");
    }

    @Test
    void hereDocuments() {
        Sequence sequence = (Sequence) Parser.parse("cat <<EOF; cat <<-'END'\nhello $x\nEOF\n\tliteral $y\n\tEND\n");
        Redirection first = ((SimpleCommand) sequence.items().get(0)).redirections().get(0);
        assertThat(first.heredoc().text).isEqualTo("hello $x\n");
        assertThat(first.heredoc().quoted).isFalse();
        SimpleCommand second = (SimpleCommand) sequence.items().get(1);
        assertThat(second.redirections().get(0).heredoc().text).isEqualTo("literal $y\n");
        assertThat(second.redirections().get(0).heredoc().quoted).isTrue();
    }

    @Test
    void reservedWordsOnlyAtCommandStart() {
        SimpleCommand command = simple("echo if then fi");
        assertThat(raws(command.words())).containsExactly("echo", "if", "then", "fi");
    }

    @Test
    void commentsAndContinuations() {
        SimpleCommand command = simple("echo a \\\n b # comment");
        assertThat(raws(command.words())).containsExactly("echo", "a", "b");
    }

    @Test
    void commandSubstitutionWithCaseInside() {
        SimpleCommand command = simple("echo $(case x in x) echo y;; esac)");
        CmdSub sub = (CmdSub) command.words().get(1).parts().get(0);
        assertThat(sub.body()).isInstanceOf(Case.class);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '@', quoteCharacter = '~', value = {
        "if then@\"then\" unexpected",
        "if true; then echo@end of file unexpected (expecting \"fi\")",
        "while true; do@end of file unexpected (expecting \"done\")",
        "if@end of file unexpected (expecting \"then\")",
        "until@end of file unexpected (expecting \"do\")",
        "case x in a)@end of file unexpected (expecting \";;\")",
        "echo $((1+@Missing '))'",
        "echo ${x@Missing '}'",
        "echo )@\")\" unexpected",
        "(echo@end of file unexpected (expecting \")\")",
        "{ echo@end of file unexpected (expecting \"}\")",
        "a &&@end of file unexpected",
        "for@Bad for loop variable",
        "case x in@end of file unexpected (expecting \")\")",
        "if true; then echo; done@\"done\" unexpected (expecting \"fi\")",
        "echo 'abc@Unterminated quoted string",
        "a | | b@\"|\" unexpected",
        "; echo@\";\" unexpected",
    })
    void syntaxErrorsLikeDash(String source, String message) {
        assertThatThrownBy(() -> Parser.parse(source)).isInstanceOf(SyntaxError.class).hasMessage(message);
    }

    @Test
    void syntaxErrorCarriesLine() {
        assertThatThrownBy(() -> Parser.parse("echo a\necho b\nfi")).isInstanceOfSatisfying(SyntaxError.class,
                e -> {
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.text()).isEqualTo("Syntax error: \"fi\" unexpected");
                });
    }

    @Test
    void summariesForJobsFitOnOneLine() {
        assertThat(Printer.summary(Parser.parse("sleep 1 | cat > out"))).isEqualTo("sleep 1 | cat >out");
        assertThat(Printer.summary(Parser.parse("case $x in a) sleep 1;; *) :;; esac")))
                .isEqualTo("case $x in (a) sleep 1 ;; (*) : ;; esac");
        assertThat(Printer.summary(Parser.parse("{ a & b; }"))).isEqualTo("{ a & b; }");
    }

    @Test
    void printedTreesParseBackToTheSameTree() {
        String[] scripts = {
            "a=1 b=\"2 3\" cmd 'x y' $z >out 2>&1",
            "if a; then b; elif c; then d; else e; fi",
            "for i in 1 2; do echo $i; done | sort",
            "case $x in a|b) echo ab ;; *) ;; esac",
            "f() { local x=1; echo \"$x\"; }",
            "while read line; do echo \"$line\"; done < file",
            "cat <<EOF | tr a b\nhello $x\nEOF\necho after",
            "{ a && b || ! c; } & d",
            "( cd /tmp; ls ) > out",
        };
        for (String script : scripts) {
            String once = Printer.print(Parser.parse(script));
            String twice = Printer.print(Parser.parse(once));
            assertThat(twice).as(script).isEqualTo(once);
        }
    }
}
