package charon.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.util.Optional;
import java.util.logging.Logger;

import charon.accounts.UserRepository;
import charon.config.CharonConfig;

/**
 * A new install has no default password. At start, when no active GM exists, the GM account is
 * created from {@code CHARON_GM_PASSWORD} / {@code -Dcharon.gm.password} (name {@code gm}, or
 * {@code CHARON_GM_USERNAME}); without it, one log line says how. The password is never logged.
 */
@ApplicationScoped
public class FirstGmAccount {

    static final String NO_GM_YET = "No GM account yet: start once with CHARON_GM_PASSWORD=<password> to create it";
    private static final Logger LOG = Logger.getLogger(FirstGmAccount.class.getName());

    @Inject
    UserRepository users;

    void atStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        if (users.anyActiveGm()) {
            return;
        }
        Optional<String> password = CharonConfig.setting("charon.gm.password", "CHARON_GM_PASSWORD");
        if (password.isEmpty()) {
            LOG.warning(NO_GM_YET);
            return;
        }
        String username = CharonConfig.setting("charon.gm.username", "CHARON_GM_USERNAME").orElse("gm");
        Optional<String> problem = AccountRules.usernameProblem(username).or(() -> AccountRules.passwordProblem(password.get()));
        if (problem.isPresent()) {
            LOG.severe("GM account not created: " + problem.get());
            return;
        }
        if (users.existsIgnoringCase(username)) {
            // Never take over an existing (player or disabled) account behind the GM's back.
            LOG.severe("GM account not created: a user named '" + username + "' already exists; set CHARON_GM_USERNAME to another name");
            return;
        }
        users.create(username, new PasswordHasher().encode(password.get()), true);
        LOG.info("Created GM account '" + username + "' (superuser, staff) from CHARON_GM_PASSWORD");
    }
}
