package charon.campaign;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/**
 * Locates the test campaign written for Charon (src/test/fixtures/campaign-cinderwake, see its README) and
 * the demo campaign; copies them for tests that write.
 */
final class Fixtures {

    private Fixtures() {
    }

    /** The test campaign in the original's format that exercises every feature the loader reads. */
    static Path cinderwake() {
        return Paths.get("src", "test", "fixtures", "campaign-cinderwake");
    }

    static Path demo() {
        return Paths.get("webapp", "WEB-INF", "demo-campaign");
    }

    /** Copy of a campaign into target, made writable, for tests that change files. */
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
