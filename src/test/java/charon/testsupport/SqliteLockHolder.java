package charon.testsupport;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.File;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * Holds SQLite's write lock on a database file from another process, so that the server's writers are refused
 * (SQLITE_BUSY) exactly as when another program holds the file. Another process because SQLite's locks do not
 * exclude connections of the same process that use different copies of the library (the test's and the WAR's).
 * {@link #lock} starts it; closing the returned handle releases the lock and ends the process.
 */
public final class SqliteLockHolder implements AutoCloseable {

    private final Process process;

    private SqliteLockHolder(Process process) {
        this.process = process;
    }

    public static SqliteLockHolder lock(Path database) throws Exception {
        String classpath = java.util.Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> entry.contains("sqlite-jdbc") || entry.endsWith("test-classes"))
                .collect(Collectors.joining(File.pathSeparator));
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classpath, SqliteLockHolder.class.getName(), database.toAbsolutePath().toString())
                .redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream()));
        String line = out.readLine();
        if (!"LOCKED".equals(line)) {
            process.destroyForcibly();
            throw new IllegalStateException("could not lock " + database + ": " + line);
        }
        return new SqliteLockHolder(process);
    }

    @Override
    public void close() throws Exception {
        process.getOutputStream().close(); // EOF: the holder rolls back and exits
        if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    public static void main(String[] args) throws Exception {
        try (Connection connection = new org.sqlite.JDBC().connect("jdbc:sqlite:" + args[0], new Properties());
             Statement statement = connection.createStatement()) {
            statement.execute("BEGIN EXCLUSIVE");
            System.out.println("LOCKED");
            System.out.flush();
            while (System.in.read() >= 0) {
                // wait for the test to close our input
            }
            statement.execute("ROLLBACK");
        }
    }
}
