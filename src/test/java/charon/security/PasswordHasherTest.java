package charon.security;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import charon.testsupport.DjangoDatabase;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PasswordHasherTest {

    /** The fixture's gm hash, written by Django 3.2 (260,000 iterations). */
    static final String GM_HASH = "pbkdf2_sha256$260000$0Os2nYbS9wg8ur8CRNNBeV$tbJcZoHTwgSs9j0gWBAAR2a90dzZHQypOZIABcWLLJk=";
    /** A hash in Django 5.2's form (1,000,000 iterations), computed by Python's hashlib.pbkdf2_hmac as Django does. */
    static final String HICKS_HASH = "pbkdf2_sha256$1000000$Kq7TzW3mLp9xRv2NbY5cHd$+BGPI3QRu5duUupxcv2g7H0rbEZRHHLZwUuhbZx2ryA=";

    @TempDir
    static Path temp;

    private final PasswordHasher hasher = new PasswordHasher();

    @Test
    void verifiesADjangoHashWithItsOwnIterationCount() {
        assertTrue(hasher.matches("gm-pass-123", GM_HASH));
        assertFalse(hasher.matches("gm-pass-124", GM_HASH));
        assertFalse(hasher.matches("GM-PASS-123", GM_HASH));
        assertFalse(hasher.matches("", GM_HASH));
        assertFalse(hasher.matches(null, GM_HASH));
    }

    @Test
    void verifiesADjango52HashAtAMillionIterations() {
        assertTrue(hasher.matches("hicks-pass-123", HICKS_HASH));
        assertFalse(hasher.matches("hicks-pass-124", HICKS_HASH));
        assertFalse(hasher.needsRehash(HICKS_HASH));
    }

    @Test
    void verifiesEveryUserOfADjangoDatabase() throws Exception {
        Path db = DjangoDatabase.create(temp.resolve("django.sqlite3"));
        for (String name : new String[] {"gm", "ripley", "hicks"}) {
            String hash = hashOf(db, name);
            assertTrue(hasher.matches(name + "-pass-123", hash), name);
            assertFalse(hasher.matches("ripley".equals(name) ? "hicks-pass-123" : "ripley-pass-123", hash), name);
        }
    }

    @Test
    void encodesLikeDjango52AndVerifiesWhatItEncoded() {
        String hash = hasher.encode("n\u00f6stromo-\u2620-pass");
        String[] parts = hash.split("\\$");
        assertEquals(4, parts.length);
        assertEquals("pbkdf2_sha256", parts[0]);
        assertEquals("1000000", parts[1]);
        assertEquals(22, parts[2].length());
        assertTrue(parts[2].matches("[A-Za-z0-9]{22}"));
        assertEquals(44, parts[3].length(), "32 bytes in base64");
        assertTrue(hasher.matches("n\u00f6stromo-\u2620-pass", hash));
        assertFalse(hasher.matches("nostromo-\u2620-pass", hash));
        assertFalse(hasher.needsRehash(hash));
    }

    @Test
    void saltsAreRandom() {
        PasswordHasher cheap = new PasswordHasher(1000);
        String a = cheap.encode("same-password");
        String b = cheap.encode("same-password");
        assertNotEquals(a, b);
        assertTrue(cheap.matches("same-password", a));
        assertTrue(cheap.matches("same-password", b));
    }

    @Test
    void olderWorkFactorsAskForARehash() {
        assertTrue(hasher.needsRehash(GM_HASH));
        assertTrue(hasher.needsRehash("garbage"));
    }

    @Test
    void malformedOrForeignHashesAreNoMatchNeverAnError() {
        String[] bad = {
                null, "", "!", "!unusablePasswordXyz123", "!" + GM_HASH,
                "argon2$argon2id$v=19$m=102400,t=2,p=8$c2FsdA$aGFzaA",
                "bcrypt_sha256$$2b$12$abcdefghijklmnopqrstuu",
                "pbkdf2_sha1$260000$salt$aGFzaA==",
                "md5$salt$5f4dcc3b5aa765d61d8327deb882cf99",
                "pbkdf2_sha256$abc$salt$aGFzaA==",
                "pbkdf2_sha256$0$salt$tbJcZoHTwgSs9j0gWBAAR2a90dzZHQypOZIABcWLLJk=",
                "pbkdf2_sha256$-5$salt$tbJcZoHTwgSs9j0gWBAAR2a90dzZHQypOZIABcWLLJk=",
                "pbkdf2_sha256$99999999999$salt$tbJcZoHTwgSs9j0gWBAAR2a90dzZHQypOZIABcWLLJk=",
                "pbkdf2_sha256$260000$$tbJcZoHTwgSs9j0gWBAAR2a90dzZHQypOZIABcWLLJk=",
                "pbkdf2_sha256$260000$salt$not base64!!",
                "pbkdf2_sha256$260000$salt$aGFzaA==",
                "pbkdf2_sha256$260000$salt",
                "pbkdf2_sha256$260000$a$b$c",
                "\u0000\u0001binary",
        };
        for (String hash : bad) {
            assertFalse(hasher.matches("gm-pass-123", hash), String.valueOf(hash));
        }
    }

    private static String hashOf(Path db, String username) throws Exception {
        try (Connection c = new org.sqlite.JDBC().connect("jdbc:sqlite:file:" + db + "?mode=ro", new Properties());
             PreparedStatement s = c.prepareStatement("select password from auth_user where username = ?")) {
            s.setString(1, username);
            try (ResultSet rs = s.executeQuery()) {
                assertTrue(rs.next(), username);
                return rs.getString(1);
            }
        }
    }
}
