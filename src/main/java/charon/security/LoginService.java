package charon.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import charon.accounts.User;
import charon.accounts.UserRepository;

/** Checks a username and password, with the throttle in front and Django's re-hash on success. */
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
    }

    @Inject
    UserRepository users;
    @Inject
    CredentialStamps stamps;

    private final PasswordHasher hasher = new PasswordHasher();
    private final LoginThrottle throttle = new LoginThrottle(Clock.systemUTC());
    private volatile String dummyHash;

    public Outcome attempt(String username, String password, String clientAddress) {
        Optional<Duration> wait = throttle.retryAfter(username, clientAddress);
        if (wait.isPresent()) {
            return new Outcome.Throttled(wait.get());
        }
        Optional<User> user = users.byUsername(username);
        // Unknown users cost one hash too, so timing does not tell which usernames exist.
        boolean matches = hasher.matches(password, user.map(User::getPassword).orElseGet(this::dummyHash));
        if (user.isEmpty() || !matches || !user.get().isActive()) {
            throttle.failed(username, clientAddress);
            return new Outcome.Rejected();
        }
        throttle.succeeded(username, clientAddress);
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

    private String dummyHash() {
        if (dummyHash == null) {
            dummyHash = hasher.encode("not-a-password-anyone-has");
        }
        return dummyHash;
    }
}
