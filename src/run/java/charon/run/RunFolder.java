package charon.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;

/**
 * One running server's own folder, {@code target/run/<port>/}: Tomcat's base and a copy of the WAR, so a
 * rebuild of {@code target/} (another start, a test run) never changes what a running server serves. Its
 * {@code charon.pid} file tells a second start on the same port, from the same checkout, that one is running;
 * another port gets a folder of its own and runs beside it.
 */
final class RunFolder {

    private final Path base;
    private final int port;

    RunFolder(Path runDir, int port) {
        this.port = port;
        this.base = runDir.resolve(Integer.toString(port));
    }

    Path base() {
        return base;
    }

    /** Whether a server started from this checkout still runs on this folder's port. */
    boolean taken() {
        Path pidFile = base.resolve("charon.pid");
        return Files.isRegularFile(pidFile) && aliveOwner(pidFile).isPresent();
    }

    /** Records this process as the folder's server. */
    void claim() throws IOException {
        Files.createDirectories(base);
        Files.writeString(base.resolve("charon.pid"), ProcessHandle.current().pid() + " " + port + "\n", StandardCharsets.US_ASCII);
    }

    void release() {
        try {
            Files.deleteIfExists(base.resolve("charon.pid"));
        } catch (IOException e) {
            // a stale file names a dead process, which the next start ignores
        }
    }

    /** A fresh copy of the WAR in this server's folder; Tomcat unpacks it under {@code webapps/}. */
    Path copyOfWar(Path war) throws IOException {
        delete(base.resolve("webapps"));
        delete(base.resolve("work"));
        Files.createDirectories(base.resolve("webapps"));
        return Files.copy(war, base.resolve("charon.war"), StandardCopyOption.REPLACE_EXISTING);
    }

    private static Optional<Integer> aliveOwner(Path pidFile) {
        try {
            String[] parts = Files.readString(pidFile, StandardCharsets.US_ASCII).trim().split(" ");
            long pid = Long.parseLong(parts[0]);
            boolean alive = ProcessHandle.of(pid).map(p -> p.isAlive()
                    && p.info().commandLine().orElse("").contains(CharonServer.class.getName())).orElse(false);
            return alive && pid != ProcessHandle.current().pid() ? Optional.of(Integer.parseInt(parts[1])) : Optional.empty();
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
