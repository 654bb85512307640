package charon.persistence;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Checks the configured file before SQLite opens it, so that a wrong path fails the deploy with a
 * clear message and a file that is not ours is never written to.
 */
public final class DatabaseFile {

    private static final byte[] SQLITE_HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

    private DatabaseFile() {
    }

    /** Ready to open: an existing SQLite database, an empty file, or a new file in a folder we can create. */
    public static void check(Path file) {
        if (Files.isDirectory(file)) {
            throw new UnusableDatabaseException(file, "it is a directory");
        }
        if (!Files.exists(file)) {
            createParent(file);
            return;
        }
        if (!Files.isReadable(file) || !Files.isWritable(file)) {
            throw new UnusableDatabaseException(file, "it cannot be read and written by this user");
        }
        if (!hasSqliteHeader(file)) {
            throw new UnusableDatabaseException(file, "it is not a SQLite database");
        }
    }

    private static void createParent(Path file) {
        Path parent = file.getParent();
        if (parent == null) {
            return;
        }
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw new UnusableDatabaseException(file, "its folder cannot be created (" + e.getMessage() + ")");
        }
        if (!Files.isWritable(parent)) {
            throw new UnusableDatabaseException(file, "its folder is not writable");
        }
    }

    private static boolean hasSqliteHeader(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] start = in.readNBytes(SQLITE_HEADER.length);
            // SQLite treats an empty file as a new database; anything else must carry its header.
            return start.length == 0 || Arrays.equals(start, SQLITE_HEADER);
        } catch (IOException e) {
            throw new UnusableDatabaseException(file, "it cannot be read (" + e.getMessage() + ")");
        }
    }
}
