package io.crmkit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.jdbc.schema.DdlWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The committed first schema script of each dialect is exactly what {@link DdlWriter} writes from the
 * model, so the tables and the SQL the store writes cannot drift apart. To refresh the scripts after a
 * model change (before any release), run this test with {@code -Dcrm.writeSchema=true}.
 */
class SchemaScriptsTest {

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void committedInitScriptIsWhatTheModelGenerates(Dialect dialect) throws IOException {
        String generated = DdlWriter.initScript(dialect);
        String resource = "db/crm/" + dialect.folder() + "/V1__init.sql";
        if (Boolean.getBoolean("crm.writeSchema")) {
            Path file = Path.of("src/main/resources", resource);
            Files.createDirectories(file.getParent());
            Files.writeString(file, generated, StandardCharsets.UTF_8);
        }
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource + " on the classpath").isNotNull();
            String committed = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(committed).as(resource + " vs DdlWriter.initScript(" + dialect + ")").isEqualTo(generated);
        }
    }
}
