package charon.persistence;

import java.nio.file.Path;

/** The configured database file cannot be used; the message names the file and the reason. */
public class UnusableDatabaseException extends RuntimeException {
    public UnusableDatabaseException(Path file, String reason) {
        super("Cannot use database " + file.toAbsolutePath() + ": " + reason
                + ". Set CHARON_DB (or -Dcharon.db) to a SQLite file, or CHARON_HOME to a writable folder.");
    }
}
