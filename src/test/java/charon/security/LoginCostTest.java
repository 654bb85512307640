package charon.security;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a failed login costs, and how many checks run at once. */
class LoginCostTest {

    private static final String DJANGO_32 = "pbkdf2_sha256$260000$salt$" + "A".repeat(43) + "=";
    private static final String HIGHER = "pbkdf2_sha256$1500000$salt$" + "A".repeat(43) + "=";

    @Test
    void aFailureCostsTheHighestStoredCountAndAtLeastTheNewHashCount() {
        AtomicInteger reads = new AtomicInteger();
        FailureCost cost = new FailureCost(1_000_000);
        assertEquals(1_000_000, cost.iterations(null, () -> {
            reads.incrementAndGet();
            return Stream.of(DJANGO_32, "!unusable", "md5$x$y");
        }), "unknown user, a Django 3.2 database");
        assertEquals(1_000_000, cost.iterations(DJANGO_32, Stream::of));
        assertEquals(1_500_000, cost.iterations(HIGHER, Stream::of), "a higher count met later raises it");
        assertEquals(1_500_000, cost.iterations(null, Stream::of), "for unknown users too");
        assertEquals(1, reads.get(), "the stored hashes are read once");

        FailureCost fromTheDatabase = new FailureCost(1_000_000);
        assertEquals(1_500_000, fromTheDatabase.iterations(null, () -> List.of(DJANGO_32, HIGHER).stream()));
    }

    @Test
    void verificationReportsTheWorkItDid() {
        PasswordHasher hasher = new PasswordHasher(1000);
        String hash = hasher.encode("right-password");
        assertEquals(new PasswordHasher.Verification(true, 1000), hasher.verify("right-password", hash));
        assertEquals(new PasswordHasher.Verification(false, 1000), hasher.verify("wrong-password", hash));
        assertEquals(new PasswordHasher.Verification(false, 0), hasher.verify("x", null));
        assertEquals(new PasswordHasher.Verification(false, 0), hasher.verify("", hash));
        assertEquals(1000, PasswordHasher.iterationsOf(hash));
        assertEquals(0, PasswordHasher.iterationsOf("!unusable"));
    }

    @Test
    void checksBeyondTheSlotsAreRefusedAtOnceAndTheServersMachineHasItsOwn() {
        HashingSlots slots = new HashingSlots(1, 1);
        Optional<HashingSlots.Slot> first = slots.tryTake("192.168.1.30");
        assertTrue(first.isPresent());
        assertFalse(slots.tryTake("192.168.1.31").isPresent(), "the LAN's slot is taken: refused, not queued");
        Optional<HashingSlots.Slot> laptop = slots.tryTake("127.0.0.1");
        assertTrue(laptop.isPresent(), "the GM's laptop is not kept out by the LAN");
        assertFalse(slots.tryTake("::1").isPresent());
        first.get().close();
        laptop.get().close();
        assertTrue(slots.tryTake("192.168.1.31").isPresent(), "given back");
    }
}
