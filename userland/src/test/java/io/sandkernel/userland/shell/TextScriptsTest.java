package io.sandkernel.userland.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.Timeout;

/**
 * Realistic scripts built on the text-processing commands (log reports with sed, awk, sort and
 * uniq -c; awk with pipes to commands and system(); sed -i edits; JSON with jq; diff and cmp in
 * conditions; find with xargs; tar and gzip round trips; a build script with generated sources
 * and a checksum manifest) run through Sandkernel's shell and through dash with the host's commands, with
 * {@link DifferentialTest}'s runners: standard output and exit status must agree. The host's
 * awk is Debian's mawk, so the scripts keep to what every awk does alike.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class TextScriptsTest {
    private static final Path DASH = Path.of("/usr/bin/dash");

    static List<Path> scripts() throws IOException, URISyntaxException {
        URL url = TextScriptsTest.class.getClassLoader().getResource("text-scripts");
        assertThat(url).as("text-scripts resources").isNotNull();
        try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
            return files.filter(p -> p.toString().endsWith(".sh")).sorted().toList();
        }
    }

    @TestFactory
    Stream<DynamicTest> textScriptsBehaveAsWithDashAndTheHostTools() throws Exception {
        assumeTrue(Files.isExecutable(DASH), "dash is not installed at /usr/bin/dash");
        DifferentialTest.ScriptRunner sandkernel = new DifferentialTest.SandkernelRunner();
        DifferentialTest.ScriptRunner dash = new DifferentialTest.DashRunner();
        return scripts().stream().map(path -> DynamicTest.dynamicTest(path.getFileName().toString(), () -> {
            String script = Files.readString(path);
            ReferenceShell.Outcome expected = dash.run(script);
            ReferenceShell.Outcome actual = sandkernel.run(script);
            assertThat(actual.stdout()).as("stdout of %s", path.getFileName()).isEqualTo(expected.stdout());
            assertThat(actual.status()).as("status of %s", path.getFileName()).isEqualTo(expected.status());
        }));
    }
}
