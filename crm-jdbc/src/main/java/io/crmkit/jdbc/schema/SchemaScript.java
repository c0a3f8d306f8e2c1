package io.crmkit.jdbc.schema;

import io.crmkit.jdbc.Dialect;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One versioned schema script of a dialect, as read from the classpath.
 *
 * <p>The scripts of a dialect are the files {@code db/crm/<folder>/V<n>__<description>.sql} listed, in
 * version order, in {@code db/crm/<folder>/scripts.txt} (one file name a line; blank lines and lines
 * starting with {@code #} are ignored). An explicit list rather than a classpath scan because listing
 * a folder works differently in a directory, a jar and a shaded or modular deployment; a test keeps
 * the list and the folder in step.
 *
 * @param version the version, from the file name ({@code 1} for {@code V1__init.sql})
 * @param description the description, from the file name, underscores as spaces ({@code init})
 * @param script the file name ({@code V1__init.sql})
 * @param text the script text as committed, with {@code ${prefix}} still in it and line ends as
 *     {@code \n}
 * @param checksum the lower-case hex SHA-256 of {@code text} as UTF-8
 */
record SchemaScript(int version, String description, String script, String text, String checksum) {
    private static final Pattern NAME = Pattern.compile("V([1-9][0-9]{0,8})__([A-Za-z0-9_]+)\\.sql");

    SchemaScript {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(script, "script");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(checksum, "checksum");
    }

    /** The resource folder of {@code dialect}'s scripts ({@code db/crm/postgresql/}). */
    static String folder(Dialect dialect) {
        return "db/crm/" + dialect.folder() + "/";
    }

    /**
     * Every script of {@code dialect}, in version order.
     *
     * @throws IllegalStateException if the list is missing or malformed, names a missing file, or its
     *     versions do not strictly increase: the library jar itself is broken
     */
    static List<SchemaScript> of(Dialect dialect) {
        String folder = folder(dialect);
        String index = read(folder + "scripts.txt");
        List<SchemaScript> scripts = new ArrayList<>();
        for (String line : index.split("\n")) {
            String name = line.strip();
            if (name.isEmpty() || name.startsWith("#")) {
                continue;
            }
            SchemaScript script = parse(name, read(folder + name));
            if (!scripts.isEmpty() && scripts.get(scripts.size() - 1).version() >= script.version()) {
                throw new IllegalStateException(folder + "scripts.txt: " + name
                        + " must come after a lower version and before a higher one");
            }
            scripts.add(script);
        }
        if (scripts.isEmpty()) {
            throw new IllegalStateException(folder + "scripts.txt lists no script");
        }
        return List.copyOf(scripts);
    }

    /**
     * The script named {@code name} with content {@code text}.
     *
     * @throws IllegalStateException if the name is not {@code V<n>__<description>.sql}
     */
    static SchemaScript parse(String name, String text) {
        Matcher m = NAME.matcher(name);
        if (!m.matches()) {
            throw new IllegalStateException("not a schema script name (V<n>__<description>.sql): " + name);
        }
        // CRLF from a Windows checkout must not change the checksum of an applied script.
        String normalised = text.replace("\r\n", "\n");
        return new SchemaScript(Integer.parseInt(m.group(1)), m.group(2).replace('_', ' '), name, normalised,
                sha256(normalised));
    }

    /**
     * The statements of this script for table prefix {@code prefix}: {@code ${prefix}} replaced, lines
     * that start with {@code --} dropped, and the rest split after every line that ends with {@code ;}
     * (the scripts have no semicolon inside a statement), without the semicolon.
     */
    List<String> statements(String prefix) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : text.replace(DdlWriter.PREFIX, prefix).split("\n")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("--") || trimmed.isEmpty()) {
                continue;
            }
            if (trimmed.endsWith(";")) {
                current.append(line, 0, line.lastIndexOf(';'));
                statements.add(current.toString().strip());
                current.setLength(0);
            } else {
                current.append(line).append('\n');
            }
        }
        if (!current.toString().isBlank()) {
            statements.add(current.toString().strip());
        }
        return List.copyOf(statements);
    }

    private static String read(String resource) {
        ClassLoader loader = SchemaScript.class.getClassLoader();
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    private static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            // Every Java platform must provide SHA-256, so this cannot happen on a conforming JVM.
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
