package charon.security;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Django's default password hasher, {@code pbkdf2_sha256$<iterations>$<salt>$<base64 hash>}, so the
 * accounts of the original app keep working and the file stays usable by it. The iteration count is
 * read from each hash (Django 3.2 wrote 260,000; new hashes use Django 5.2's 1,000,000).
 */
public final class PasswordHasher {

    public static final String ALGORITHM = "pbkdf2_sha256";
    public static final int ITERATIONS = 1_000_000;
    static final int SALT_LENGTH = 22;
    private static final int KEY_BYTES = 32;
    private static final String SALT_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final int iterations;

    public PasswordHasher() {
        this(ITERATIONS);
    }

    /** A lower count only for tests that do not care about cost. */
    PasswordHasher(int iterations) {
        this.iterations = iterations;
    }

    /** The work factor of the hashes this hasher writes. */
    public int iterations() {
        return iterations;
    }

    /** A new hash with a random salt. */
    public String encode(String password) {
        if (password == null || password.isEmpty()) {
            throw new IllegalArgumentException("empty password");
        }
        String salt = randomSalt();
        return ALGORITHM + "$" + iterations + "$" + salt + "$"
                + Base64.getEncoder().encodeToString(pbkdf2(password, salt, iterations));
    }

    /** True only when the hash is ours and matches; anything malformed or unusable is simply no match. */
    public boolean matches(String password, String encoded) {
        if (password == null || password.isEmpty()) {
            return false;
        }
        ParsedHash hash = ParsedHash.parse(encoded);
        if (hash == null) {
            return false;
        }
        return MessageDigest.isEqual(pbkdf2(password, hash.salt(), hash.iterations()), hash.key());
    }

    /** A check and the PBKDF2 iterations it cost (0 when nothing was hashed: no password, unusable hash). */
    public record Verification(boolean matches, int iterationsSpent) {
    }

    /** Like {@link #matches}, also telling how much work the answer took. */
    public Verification verify(String password, String encoded) {
        ParsedHash hash = ParsedHash.parse(encoded);
        if (password == null || password.isEmpty() || hash == null) {
            return new Verification(false, 0);
        }
        return new Verification(MessageDigest.isEqual(pbkdf2(password, hash.salt(), hash.iterations()), hash.key()), hash.iterations());
    }

    /** The iteration count of a stored hash; 0 for anything that is not one of ours. */
    public static int iterationsOf(String encoded) {
        ParsedHash hash = ParsedHash.parse(encoded);
        return hash == null ? 0 : hash.iterations();
    }

    /** Does {@code iterations} rounds of the same work as a check, for nothing: a failed login's padding. */
    public void spend(int iterations) {
        if (iterations > 0) {
            pbkdf2("not-a-password-anyone-has", "charonpaddingsalt00000", iterations);
        }
    }

    /** Django re-hashes on login when its work factor went up; so do we. */
    public boolean needsRehash(String encoded) {
        ParsedHash hash = ParsedHash.parse(encoded);
        return hash == null || hash.iterations() < iterations;
    }

    private static byte[] pbkdf2(String password, String salt, int iterations) {
        // The JDK encodes the password chars as UTF-8, as Django does.
        PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt.getBytes(StandardCharsets.UTF_8), iterations, KEY_BYTES * 8);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 unavailable", e);
        } finally {
            spec.clearPassword();
        }
    }

    private static String randomSalt() {
        StringBuilder salt = new StringBuilder(SALT_LENGTH);
        for (int i = 0; i < SALT_LENGTH; i++) {
            salt.append(SALT_CHARS.charAt(RANDOM.nextInt(SALT_CHARS.length())));
        }
        return salt.toString();
    }

    private record ParsedHash(int iterations, String salt, byte[] key) {

        static ParsedHash parse(String encoded) {
            if (encoded == null) {
                return null;
            }
            String[] parts = encoded.split("\\$", -1);
            if (parts.length != 4 || !ALGORITHM.equals(parts[0]) || parts[2].isEmpty()) {
                return null; // other algorithms, "!" unusable passwords, garbage
            }
            try {
                int iterations = Integer.parseInt(parts[1]);
                byte[] key = Base64.getDecoder().decode(parts[3]);
                return iterations > 0 && key.length == KEY_BYTES ? new ParsedHash(iterations, parts[2], key) : null;
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
    }
}
