package io.sandkernel.coreutils;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * file(1) and tree(1) against the real ones: file on {@link OracleFixtures#types()} (text
 * encodings and line terminators, scripts by interpreter, JSON, HTML, XML, ELF, gzip, zip, tar,
 * PNG, JPEG, PDF, WebAssembly, links, directories) in its plain, brief and MIME forms; tree on
 * the standard tree with its listing and filtering options.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class FileTypeDifferentialTest {
    private static final List<String> TYPES = List.of("ascii", "crlf", "cr", "mixed", "nonl", "utf8", "bom", "latin1",
            "ctrl", "nul", "esc", "over", "long", "empty", "one", "sh", "spacebang", "shcrlf", "bash", "envbash", "envsh",
            "py", "perl", "node", "dash", "json", "jsonarr", "jsonbad", "jsonnum", "html", "xml", "pdf", "wasm", "png",
            "jpg", "elf", "elf32", "gz", "gzname", "zip", "tar", "data", "dir", "lnk", "broken", "missing");

    @TempDir
    static Path hosts;

    private static OracleRunner types;
    private static OracleRunner trees;

    @BeforeAll
    static void fixtures() {
        types = new OracleRunner(OracleFixtures.types(), hosts.resolve("types"));
        trees = new OracleRunner(OracleFixtures.standard(), hosts.resolve("trees"));
    }

    static Stream<OracleCase> fileCases() {
        OracleTable cases = OracleTable.ordered();
        for (String name : TYPES) {
            cases.add("file", name);
        }
        cases.add("file", "ascii", "crlf", "dir", "lnk");
        cases.add("file", "-b", "ascii", "png", "sh");
        cases.add("file", "-i", "ascii", "sh", "utf8", "empty", "dir", "data", "json", "latin1");
        cases.add("file", "-i", "pdf", "png", "gz", "zip", "tar", "wasm", "elf", "html", "xml", "crlf", "nul");
        cases.add("file", "--mime-type", "ascii", "png", "py");
        cases.add("file", "-b", "--mime-type", "json", "sh");
        cases.add("file", "-L", "lnk", "broken");
        cases.add("file", "-h", "lnk");
        cases.add("file", "/dev/null");
        cases.add("file", "-F", "=", "ascii");
        cases.add("file", "-N", "ascii", "crlf");
        cases.add("file");
        cases.add("file", "-b", "dir");
        cases.add("file", "--", "ascii");
        return cases.stream();
    }

    static Stream<OracleCase> treeCases() {
        OracleTable cases = OracleTable.ordered();
        cases.add("tree");
        cases.add("tree", ".");
        cases.add("tree", "-a");
        cases.add("tree", "-d");
        cases.add("tree", "-ad");
        cases.add("tree", "-L", "1");
        cases.add("tree", "-L", "2", "dir");
        cases.add("tree", "-L", "0");
        cases.add("tree", "-L", "x");
        cases.add("tree", "-f");
        cases.add("tree", "-f", "dir");
        cases.add("tree", "-i", "dir");
        cases.add("tree", "-fi", "dir");
        cases.add("tree", "-I", "*.txt");
        cases.add("tree", "-I", "sub|*.TXT", "dir");
        cases.add("tree", "-P", "*.txt");
        cases.add("tree", "-P", "*.log", "dir");
        cases.add("tree", "--noreport");
        cases.add("tree", "--noreport", "-d", "dir");
        cases.add("tree", "dir");
        cases.add("tree", "dir/");
        cases.add("tree", "./dir");
        cases.add("tree", "dir", "dir/sub");
        cases.add("tree", "dir/empty-dir");
        cases.add("tree", "a.txt");
        cases.add("tree", "missing");
        cases.add("tree", "missing", "dir");
        cases.add("tree", "dirlink");
        cases.add("tree", "-l", "dirlink");
        cases.add("tree", "-F");
        cases.add("tree", "-F", "dir");
        cases.add("tree", "--dirsfirst");
        cases.add("tree", "--dirsfirst", "-a", "dir");
        cases.add("tree", "-a", "-I", ".*", "dir");
        cases.add("tree", "-s", "dir");
        cases.add("tree", "-p", "dir");
        cases.add("tree", "-ps", "dir/sub");
        cases.add("tree", "-x", "dir");
        cases.add("tree", "-d", "-L", "1");
        cases.add("tree", "--charset=ascii", "dir");
        cases.add("tree", "-a", "-L", "1", "dir", "dir/sub");
        cases.add("tree", "-f", "-L", "1", ".");
        cases.add("tree", "dir/sub/deep");
        return cases.stream();
    }

    @AfterAll
    static void reportAgreement() {
        System.out.print(types.agreement() + trees.agreement());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fileCases")
    void fileMatches(OracleCase c) throws Exception {
        types.check(c);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("treeCases")
    void treeMatches(OracleCase c) throws Exception {
        trees.check(c);
    }
}
