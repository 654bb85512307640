package charon.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * A database in the original Django app's exact schema (at its migration terminal.0016, so the old
 * {@code terminal_activeview} table is still there), built from the SQL in {@code src/test/resources/django/}:
 * users gm (staff), ripley and hicks (players) with real Django password hashes at 260,000 and
 * 1,000,000 iterations, and six messages, with and without recipients. Every test that needs "a database
 * the original made" builds one here, so the tests need nothing outside the repository.
 */
public final class DjangoDatabase {

    public static final String SCHEMA = "django/schema-0016.sql";
    public static final String DATA = "django/data-0016.sql";

    private DjangoDatabase() {
    }

    /** Writes a new database file at {@code file} (its folder is created; an existing file is refused). */
    public static Path create(Path file) {
        try {
            if (Files.exists(file)) {
                throw new IllegalStateException("will not overwrite " + file);
            }
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (Connection c = new org.sqlite.JDBC().connect("jdbc:sqlite:" + file, new Properties())) {
                c.setAutoCommit(false);
                run(c, script(SCHEMA));
                run(c, script(DATA));
                c.commit();
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException("could not build the Django database at " + file, e);
        }
    }

    private static void run(Connection c, String script) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String statement : script.split(";\\s*\\n")) {
                if (!statement.isBlank()) {
                    s.executeUpdate(statement);
                }
            }
        }
    }

    private static String script(String resource) throws IOException {
        try (InputStream in = DjangoDatabase.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("missing test resource " + resource);
            }
            StringBuilder sql = new StringBuilder();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.startsWith("--")) {
                    sql.append(line).append('\n');
                }
            }
            return sql.toString();
        }
    }
}
