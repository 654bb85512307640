package charon.campaign;

import java.nio.file.Path;

/** Turns server paths into campaign-relative '/'-separated paths; only those ever leave the loader. */
record CampaignPaths(Path root) {

    String relative(Path file) {
        Path rel = root.relativize(file.toAbsolutePath().normalize());
        return rel.toString().replace(java.io.File.separatorChar, '/');
    }
}
