package charon.campaign;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/** Locates the shared read-only fixture and the demo campaign; copies them for tests that write. */
final class Fixtures {

    private Fixtures() {
    }

    static Path icarium() {
        return Paths.get(System.getProperty("charon.shared.dir", "../shared"), "fixtures", "campaign-icarium");
    }

    static Path demo() {
        return Paths.get("webapp", "WEB-INF", "demo-campaign");
    }

    /** Copy of a campaign into target, made writable (the fixture files are read-only). */
    static Path copy(Path source, Path target) {
        try (Stream<Path> all = Files.walk(source)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                Path dest = target.resolve(source.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(dest);
                } else {
                    Files.copy(p, dest, StandardCopyOption.REPLACE_EXISTING);
                }
                dest.toFile().setWritable(true);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
