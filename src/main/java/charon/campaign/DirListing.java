package charon.campaign;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Sorted directory listings: the original used filesystem order, which differs between machines. */
final class DirListing {

    private DirListing() {
    }

    static List<Path> subdirectories(Path dir) {
        return list(dir, true);
    }

    static List<Path> files(Path dir) {
        return list(dir, false);
    }

    /** Files with one of the given lower-case extensions (".md"), matched case-insensitively. */
    static List<Path> filesEndingWith(Path dir, String... extensions) {
        return files(dir).stream().filter(p -> {
            String name = p.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
            for (String ext : extensions) {
                if (name.endsWith(ext)) {
                    return true;
                }
            }
            return false;
        }).toList();
    }

    private static List<Path> list(Path dir, boolean directories) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries
                    .filter(p -> directories ? Files.isDirectory(p) : Files.isRegularFile(p))
                    .filter(p -> !p.getFileName().toString().startsWith(".")) // editor/VCS droppings
                    .sorted((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()))
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
