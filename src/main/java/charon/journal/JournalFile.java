package charon.journal;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;

/**
 * The table-state journal's rows in SQLite ({@code charon_table_state}, created by the deploy-time schema
 * script): the slot {@code current} holds the newest state written. Its own JDBC connection, with a short busy
 * timeout, so a locked or unwritable file fails a write quickly instead of holding the journal up. Used by one
 * thread at a time.
 */
final class JournalFile implements AutoCloseable {

    static final String CURRENT = "current";
    /** The row format this build writes and reads; a newer one is refused (never overwritten). */
    static final int FORMAT = 1;
    /** How long a write waits for SQLite's lock before it counts as failed. */
    static final int BUSY_TIMEOUT_MS = 1000;

    /** A row as stored: what it says it is, before its state is parsed. */
    record Row(int format, long version, String state) {
    }

    private final Path file;
    private Connection connection;

    JournalFile(Path file) {
        this.file = file;
    }

    private Connection connection() throws SQLException {
        if (connection == null || connection.isClosed()) {
            Properties settings = new Properties();
            connection = new org.sqlite.JDBC().connect("jdbc:sqlite:" + file + "?journal_mode=WAL&synchronous=FULL&busy_timeout="
                    + BUSY_TIMEOUT_MS, settings);
        }
        return connection;
    }

    Optional<Row> read(String slot) throws SQLException {
        try (PreparedStatement select = connection().prepareStatement(
                "SELECT format, version, state FROM charon_table_state WHERE slot = ?")) {
            select.setString(1, slot);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(new Row(row.getInt(1), row.getLong(2), row.getString(3))) : Optional.empty();
            }
        }
    }

    /** One statement, committed when it returns (auto-commit, synchronous=FULL): it survives kill -9. */
    void write(long version, String state) throws SQLException {
        try (PreparedStatement upsert = connection().prepareStatement(
                "INSERT OR REPLACE INTO charon_table_state (slot, format, version, state, saved_at) VALUES (?, ?, ?, ?, ?)")) {
            upsert.setString(1, CURRENT);
            upsert.setInt(2, FORMAT);
            upsert.setLong(3, version);
            upsert.setString(4, state);
            upsert.setString(5, Instant.now().toString());
            upsert.executeUpdate();
        } catch (SQLException e) {
            close(); // a fresh connection next time (the file may have been replaced or fixed)
            throw e;
        }
    }

    /** Keeps a row that could not be read under another slot, so that writing the new state deletes nothing. */
    String setAside() throws SQLException {
        String slot = "unreadable-" + Instant.now();
        try (PreparedStatement copy = connection().prepareStatement(
                "INSERT INTO charon_table_state (slot, format, version, state, saved_at) "
                        + "SELECT ?, format, version, state, saved_at FROM charon_table_state WHERE slot = ?")) {
            copy.setString(1, slot);
            copy.setString(2, CURRENT);
            copy.executeUpdate();
        }
        return slot;
    }

    /** The highest version any row names (also the set-aside ones), so versions never go back. */
    long highestVersion() throws SQLException {
        try (Statement max = connection().createStatement();
             ResultSet row = max.executeQuery("SELECT coalesce(max(version), 0) FROM charon_table_state")) {
            return row.next() ? row.getLong(1) : 0;
        }
    }

    @Override
    public void close() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // closing a broken connection
            }
            connection = null;
        }
    }
}
