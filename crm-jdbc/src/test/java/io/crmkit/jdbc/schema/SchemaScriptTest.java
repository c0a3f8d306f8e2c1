package io.crmkit.jdbc.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.jdbc.Dialect;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** How the schema runner finds, checksums and splits the scripts. */
class SchemaScriptTest {

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void theScriptListNamesExactlyTheScriptsInTheFolder(Dialect dialect) throws IOException {
        Path folder = Path.of("src/main/resources", SchemaScript.folder(dialect));
        List<String> files;
        try (Stream<Path> listing = Files.list(folder)) {
            files = listing.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".sql")).sorted().toList();
        }

        assertThat(SchemaScript.of(dialect)).extracting(SchemaScript::script).containsExactlyInAnyOrderElementsOf(files);
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void statementsCarryThePrefixAndNoCommentOrSemicolon(Dialect dialect) {
        SchemaScript v1 = SchemaScript.of(dialect).get(0);
        long terminated = v1.text().lines().filter(l -> !l.strip().startsWith("--") && l.strip().endsWith(";")).count();

        List<String> statements = v1.statements("acme_");

        assertThat(statements).hasSize((int) terminated);
        assertThat(statements).allSatisfy(s -> assertThat(s).doesNotContain(";", "${prefix}", "-- ").isNotBlank());
        assertThat(statements.get(0)).startsWith("CREATE TABLE acme_lead (");
        assertThat(statements).contains("CREATE INDEX acme_lead_ix1 ON acme_lead (tenant_id, pool_id)");
    }

    @Test
    void theChecksumIsOfTheTextBeforeThePrefixIsReplacedAndIgnoresLineEnds() {
        SchemaScript unix = SchemaScript.parse("V3__add_things.sql", "CREATE TABLE ${prefix}a (x INT);\nSELECT 1;\n");
        SchemaScript windows = SchemaScript.parse("V3__add_things.sql", "CREATE TABLE ${prefix}a (x INT);\r\nSELECT 1;\r\n");
        SchemaScript changed = SchemaScript.parse("V3__add_things.sql", "CREATE TABLE ${prefix}a (x BIGINT);\nSELECT 1;\n");

        assertThat(unix.version()).isEqualTo(3);
        assertThat(unix.description()).isEqualTo("add things");
        assertThat(unix.checksum()).hasSize(64).matches("[0-9a-f]+").isEqualTo(windows.checksum());
        assertThat(changed.checksum()).isNotEqualTo(unix.checksum());
        assertThat(unix.statements("p_")).containsExactly("CREATE TABLE p_a (x INT)", "SELECT 1");
    }

    @Test
    void aStatementWithoutAFinalSemicolonIsStillRun() {
        SchemaScript script = SchemaScript.parse("V2__x.sql", "-- note; with a semicolon\nCREATE TABLE ${prefix}a (\n  x INT\n);\nDROP TABLE b");

        assertThat(script.statements("")).containsExactly("CREATE TABLE a (\n  x INT\n)", "DROP TABLE b");
    }

    @Test
    void aBadScriptNameIsRejected() {
        assertThatThrownBy(() -> SchemaScript.parse("V1_init.sql", "SELECT 1;"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("V1_init.sql");
        assertThatThrownBy(() -> SchemaScript.parse("V0__init.sql", "SELECT 1;"))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void advisoryLockKeysDifferByPrefix() {
        assertThat(SchemaMigrator.advisoryKey("a_schema_history"))
                .isEqualTo(SchemaMigrator.advisoryKey("a_schema_history"))
                .isNotEqualTo(SchemaMigrator.advisoryKey("b_schema_history"));
    }
}
