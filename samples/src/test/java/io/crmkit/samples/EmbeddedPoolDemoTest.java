package io.crmkit.samples;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.spi.query.AggregateRow;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo's pool on embedded H2 tells the story its output claims: the holding limit refused
 * claims, the quiet reps were warned and lost their level-A accounts to the sweep, the rep who kept
 * following up kept his, and a second run (a fresh database) tells exactly the same story.
 */
class EmbeddedPoolDemoTest {

    @Test
    void quietRepsLoseTheirLevelAAccountsAndTheBusyRepKeepsHis(@TempDir Path folder) throws Exception {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        EmbeddedPoolDemo.Outcome outcome =
                new EmbeddedPoolDemo(new PrintStream(buffer, true, StandardCharsets.UTF_8), folder.resolve("db")).run();
        String output = buffer.toString(StandardCharsets.UTF_8);

        assertThat(Files.list(folder.resolve("db")).map(p -> p.getFileName().toString()))
                .as("an H2 file database").anyMatch(name -> name.endsWith(".mv.db"));
        assertThat(outcome.claimed()).isPositive();
        assertThat(outcome.refusedByLimit()).as("claims refused by the holding limit").isPositive();
        assertThat(outcome.warned()).as("owners warned before recycling").isPositive();
        assertThat(outcome.recycled()).as("accounts recycled").isPositive();
        assertThat(outcome.ownedAfter()).isEqualTo(outcome.claimed() - outcome.recycled());
        List<AggregateRow> quietLevelA = outcome.byOwner().stream()
                .filter(r -> !"li.lei".equals(r.keys().get(0)) && r.keys().get(0) != null)
                .filter(r -> "A".equals(r.keys().get(1))).toList();
        assertThat(quietLevelA).as("level-A accounts still held by the reps who stopped following up").isEmpty();
        assertThat(outcome.byOwner()).as("li.lei followed up daily and keeps his level-A accounts")
                .anySatisfy(r -> {
                    assertThat(r.keys()).containsExactly("li.lei", "A");
                    assertThat(r.count()).isPositive();
                });
        assertThat(output).contains("embedded H2", "claims succeeded", "the sweep warned the owners of", "recycled", "(pool)");

        EmbeddedPoolDemo.Outcome again = new EmbeddedPoolDemo(
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), folder.resolve("db")).run();
        assertThat(again).as("a second run on a fresh database").isEqualTo(outcome);
    }
}
