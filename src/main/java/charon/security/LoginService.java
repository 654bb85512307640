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
        record Accepted(User user) implements Outcome {
        }

        record Rejected() implements Outcome {
        }

        record Throttled(Duration retryAfter) implements Outcome {
        }
    }

    @Inject
    UserRepository users;

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
        throttle.succeeded(username);
        User found = user.get();
        Optional<String> rehashed = hasher.needsRehash(found.getPassword()) ? Optional.of(hasher.encode(password)) : Optional.empty();
        users.recordLogin(found.getId(), rehashed);
        return new Outcome.Accepted(found);
    }

    private String dummyHash() {
        if (dummyHash == null) {
            dummyHash = hasher.encode("not-a-password-anyone-has");
        }
        return dummyHash;
    }
}
