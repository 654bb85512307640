package charon.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What the compatibility run checks: a real campaign folder and a real database of the original app,
 * given from outside the repository (`mvn -Pcompat verify`, see the README):
 * <ul>
 *   <li>{@code -Dcharon.compat.campaign=DIR}: a campaign folder (the one holding {@code galaxy/});</li>
 *   <li>{@code -Dcharon.compat.db=FILE}: the Django app's {@code db.sqlite3};</li>
 *   <li>{@code -Dcharon.compat.dir=DIR}: a folder holding both, as {@code campaign-NAME/} and {@code django-db/db.sqlite3};</li>
 *   <li>{@code -Dcharon.compat.logins=user:password,...}: accounts of that database to sign in with (optional).</li>
 * </ul>
 */
public final class CompatInputs {

    private CompatInputs() {
    }

    public static Optional<Path> campaign() {
        return explicit("charon.compat.campaign").or(() -> dir().flatMap(CompatInputs::campaignIn));
    }

    public static Optional<Path> database() {
        return explicit("charon.compat.db")
                .or(() -> dir().map(d -> d.resolve("django-db/db.sqlite3")).filter(Files::isRegularFile));
    }

    /** user:password pairs; empty when none were given. */
    public static java.util.List<String[]> logins() {
        String value = System.getProperty("charon.compat.logins", "").trim();
        return value.isEmpty() ? java.util.List.of()
                : Stream.of(value.split(",")).map(pair -> pair.split(":", 2)).filter(p -> p.length == 2).toList();
    }

    /** A clear failure when the run was started without its inputs (it is never part of bin/test). */
    public static Path require(Optional<Path> path, String what) {
        return path.orElseThrow(() -> new IllegalStateException("The compatibility run needs " + what
                + ": give -Dcharon.compat.dir=... or -Dcharon.compat.campaign=... / -Dcharon.compat.db=... (README)"));
    }

    private static Optional<Path> dir() {
        return explicit("charon.compat.dir");
    }

    private static Optional<Path> explicit(String property) {
        String value = System.getProperty(property, "").trim();
        if (value.isEmpty()) {
            return Optional.empty();
        }
        Path path = Path.of(value).toAbsolutePath().normalize();
        if (!Files.exists(path)) {
            throw new IllegalStateException(property + " points at " + path + ", which does not exist");
        }
        return Optional.of(path);
    }

    private static Optional<Path> campaignIn(Path dir) {
        if (Files.isDirectory(dir.resolve("galaxy"))) {
            return Optional.of(dir);
        }
        try (Stream<Path> children = Files.list(dir)) {
            return children.filter(p -> p.getFileName().toString().startsWith("campaign-"))
                    .filter(p -> Files.isDirectory(p.resolve("galaxy"))).sorted().findFirst();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
