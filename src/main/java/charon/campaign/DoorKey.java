package charon.campaign;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.logging.Logger;

import charon.config.CharonConfig;

/**
 * The secret behind the opaque ids of doors into hidden rooms ({@link RevealedMap}). Kept in the data folder
 * ({@code charon-door.key}), so a door keeps its id across restarts and a display is shown exactly the state it
 * was shown before; it never leaves the server, so players cannot turn an id back into the rooms it joins.
 */
final class DoorKey {

    private static final Logger LOG = Logger.getLogger(DoorKey.class.getName());
    static final String FILE = "charon-door.key";
    private static final int BYTES = 32;

    private DoorKey() {
    }

    static byte[] load() {
        Path file = new CharonConfig().home().resolve(FILE);
        try {
            if (Files.isRegularFile(file)) {
                byte[] key = Files.readAllBytes(file);
                if (key.length == BYTES) {
                    return key;
                }
            }
            byte[] key = new SecureRandom().generateSeed(BYTES);
            Files.createDirectories(file.getParent());
            Path temp = Files.createTempFile(file.getParent(), FILE, ".tmp");
            try {
                Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // the folder's own permissions protect it
            }
            Files.write(temp, key);
            Files.move(temp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return key;
        } catch (IOException e) {
            LOG.warning("Door ids change at the next start: " + file + " cannot be kept (" + e.getMessage() + ")");
            return new SecureRandom().generateSeed(BYTES);
        }
    }
}
