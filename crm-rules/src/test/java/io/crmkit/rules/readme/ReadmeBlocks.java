package io.crmkit.rules.readme;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Checks that a README code block shows exactly the code a test runs, so the README cannot drift. */
final class ReadmeBlocks {
    private ReadmeBlocks() {}

    /**
     * Asserts that the java block after {@code <!-- example:<marker> -->} in the README equals the code
     * between {@code // example:<marker> begin} and {@code // example:<marker> end} in the test source
     * {@code testClass}.java of this package (blank lines and indentation aside).
     */
    static void assertReadmeShows(String marker, String testClass) throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
        Matcher block = Pattern.compile("<!-- example:" + Pattern.quote(marker) + " -->\\s*```java\\n(.*?)```",
                Pattern.DOTALL).matcher(readme);
        assertThat(block.find()).as("README has a java block after <!-- example:" + marker + " -->").isTrue();
        String source = Files.readString(Path.of("src", "test", "java", "io", "crmkit", "rules", "readme",
                testClass + ".java"), StandardCharsets.UTF_8);
        String example = source.substring(source.indexOf("// example:" + marker + " begin"),
                source.indexOf("// example:" + marker + " end"));
        assertThat(normalise(block.group(1))).isEqualTo(normalise(example));
    }

    private static List<String> normalise(String code) {
        List<String> lines = new ArrayList<>();
        for (String line : code.split("\n")) {
            String stripped = line.strip();
            if (!stripped.isEmpty() && !stripped.startsWith("// example:")) {
                lines.add(stripped);
            }
        }
        return lines;
    }
}
