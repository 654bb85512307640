package charon.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import charon.accounts.User;
import charon.accounts.UserRepository;

/**
 * Checks a username and password: the throttle counts the attempt first, a bounded number of checks run at
 * once, and a failure costs the same whether the user exists or not. Django's re-hash on success.
 */
@ApplicationScoped
public class LoginService {

    /** The outcome of one attempt. */
    public sealed interface Outcome {
        /** The account, and its credential stamp once this login's re-hash (if any) is stored. */
        record Accepted(User user, String credentialStamp) implements Outcome {
        }

        record Rejected() implements Outcome {
        }

        record Throttled(Duration retryAfter) implements Outcome {
        }

        /** Every password-check slot was in use; nothing was checked (the attempt still counts). */
        record Busy() implements Outcome {
        }
    }

    @Inject
    UserRepository users;
    @Inject
    CredentialStamps stamps;

    private final PasswordHasher hasher = new PasswordHasher();
    private final LoginThrottle throttle = new LoginThrottle(Clock.systemUTC());
    private final HashingSlots slots = HashingSlots.forThisMachine();
    private final FailureCost failureCost = new FailureCost(hasher.iterations());

    public Outcome attempt(String username, String password, String clientAddress) {
        LoginThrottle.Admission admission = throttle.begin(username, clientAddress);
        if (admission instanceof LoginThrottle.Admission.Refused refused) {
            return new Outcome.Throttled(refused.retryAfter());
        }
        LoginThrottle.Attempt started = ((LoginThrottle.Admission.Admitted) admission).attempt();
        Optional<HashingSlots.Slot> slot = slots.tryTake(clientAddress);
        if (slot.isEmpty()) {
            return new Outcome.Busy();
        }
        try (HashingSlots.Slot held = slot.get()) {
            return check(username, password, started);
        }
    }

    private Outcome check(String username, String password, LoginThrottle.Attempt started) {
        Optional<User> user = users.byUsername(username);
        String stored = user.map(User::getPassword).orElse(null);
        PasswordHasher.Verification verification = hasher.verify(password, stored);
        if (user.isEmpty() || !verification.matches() || !user.get().isActive()) {
            // Every failure costs the most any stored hash costs: timing tells nothing about who exists.
            hasher.spend(failureCost.iterations(stored, this::storedHashes) - verification.iterationsSpent());
            return new Outcome.Rejected();
        }
        throttle.succeeded(started);
        User found = user.get();
        Optional<String> rehashed = hasher.needsRehash(found.getPassword()) ? Optional.of(hasher.encode(password)) : Optional.empty();
        users.recordLogin(found.getId(), rehashed);
        String stamp = CredentialStamps.of(rehashed.orElse(found.getPassword()), true);
        if (rehashed.isPresent()) {
            // Django's one-time upgrade of an old hash: the account's other sessions sign in again once.
            stamps.changed(found.getId(), stamp);
        }
        return new Outcome.Accepted(found, stamp);
    }

    private java.util.stream.Stream<String> storedHashes() {
        return users.all().stream().map(User::getPassword);
    }
}
