package io.sandkernel.kernel.tty;

import io.sandkernel.api.tty.Termios;

import static org.assertj.core.api.Assertions.assertThat;

import io.sandkernel.process.Signals;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineDisciplineTest {
    private final LineDiscipline discipline = new LineDiscipline();
    private final ByteArrayOutputStream echo = new ByteArrayOutputStream();
    private final List<Integer> signals = new ArrayList<>();
    private final LineDiscipline.Sink sink = new LineDiscipline.Sink() {
        @Override
        public void echo(byte[] bytes) {
            echo.writeBytes(bytes);
        }

        @Override
        public void signal(int signal) {
            signals.add(signal);
        }
    };

    private void type(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        discipline.receive(bytes, 0, bytes.length, sink);
    }

    private String read() {
        byte[] buffer = new byte[256];
        int n = discipline.read(buffer, 0, buffer.length);
        return n == LineDiscipline.NOTHING ? null : n < 0 ? "<EOF>" : new String(buffer, 0, n, StandardCharsets.UTF_8);
    }

    private String echoed() {
        return echo.toString(StandardCharsets.UTF_8);
    }

    @Test
    void canonicalModeHoldsInputUntilNewline() {
        type("ls -l");
        assertThat(read()).isNull();
        assertThat(discipline.pendingLine()).isEqualTo("ls -l");
        type("\r");
        assertThat(read()).isEqualTo("ls -l\n");
        assertThat(read()).isNull();
    }

    @Test
    void readsReturnOneLineAtATime() {
        type("one\ntwo\n");
        assertThat(read()).isEqualTo("one\n");
        assertThat(read()).isEqualTo("two\n");
    }

    @Test
    void eraseKillAndWordEraseEditTheLine() {
        type("echo hellp\u007fo");
        assertThat(discipline.pendingLine()).isEqualTo("echo hello");
        type("\b\b");
        assertThat(discipline.pendingLine()).isEqualTo("echo hel");
        type(" world\u0017");
        assertThat(discipline.pendingLine()).isEqualTo("echo hel ");
        type("\u0015pwd\n");
        assertThat(read()).isEqualTo("pwd\n");
    }

    @Test
    void eraseRemovesAWholeUtf8Character() {
        type("caf\u00e9\u007fe\n");
        assertThat(read()).isEqualTo("cafe\n");
    }

    @Test
    void echoShowsTypingAndRubsOutErasures() {
        type("ab\u007fc\n");
        assertThat(echoed()).isEqualTo("ab\b \bc\n");
    }

    @Test
    void noEchoWhenEchoIsOff() {
        discipline.setTermios(Termios.defaults().withEcho(false));
        type("secret\n");
        assertThat(echoed()).isEmpty();
        assertThat(read()).isEqualTo("secret\n");
    }

    @Test
    void controlCDiscardsTheLineEchoesAndSignalsSigint() {
        type("half a line\u0003");
        assertThat(signals).containsExactly(Signals.SIGINT);
        assertThat(echoed()).endsWith("^C");
        assertThat(discipline.idle()).isTrue();
    }

    @Test
    void controlZAndBackslashSignalSigtstpAndSigquit() {
        type("\u001a\u001c");
        assertThat(signals).containsExactly(Signals.SIGTSTP, Signals.SIGQUIT);
        assertThat(echoed()).isEqualTo("^Z^\\");
    }

    @Test
    void withoutIsigControlCharactersAreData() {
        discipline.setTermios(Termios.defaults().withSignals(false).withCanonical(false));
        type("\u0003");
        assertThat(signals).isEmpty();
        assertThat(read()).isEqualTo("\u0003");
    }

    @Test
    void controlDOnAnEmptyLineIsEofAndEndsAPartialLineWithoutNewline() {
        type("abc\u0004");
        assertThat(read()).isEqualTo("abc");
        type("\u0004");
        assertThat(read()).isEqualTo("<EOF>");
        assertThat(read()).isNull();
    }

    @Test
    void nonCanonicalModeMakesEveryByteReadable() {
        discipline.setTermios(Termios.defaults().withCanonical(false));
        type("x");
        assertThat(read()).isEqualTo("x");
        type("\u007f");
        assertThat(read()).isEqualTo("\u007f");
    }

    @Test
    void leavingCanonicalModeReleasesTheEditBuffer() {
        type("par");
        discipline.setTermios(Termios.raw());
        assertThat(read()).isEqualTo("par");
    }

    @Test
    void outputProcessingMapsNewlineToCrLf() {
        assertThat(new String(discipline.processOutput("a\nb\n".getBytes(), 0, 4), StandardCharsets.UTF_8))
                .isEqualTo("a\r\nb\r\n");
        discipline.setTermios(Termios.raw());
        assertThat(new String(discipline.processOutput("a\n".getBytes(), 0, 2), StandardCharsets.UTF_8))
                .isEqualTo("a\n");
    }

    @Test
    void deliveredTextIsReadableWithoutEcho() {
        discipline.deliver("edited elsewhere\n".getBytes(StandardCharsets.UTF_8));
        assertThat(echoed()).isEmpty();
        assertThat(read()).isEqualTo("edited elsewhere\n");
    }
}
