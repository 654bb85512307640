package charon.security;

import java.util.Optional;
import java.util.regex.Pattern;

/** What Django accepts for a new account: its username validator, and our minimum password length. */
final class AccountRules {

    static final int MIN_PASSWORD_LENGTH = 8;
    static final String BLANK_PASSWORD = "password must have at least " + MIN_PASSWORD_LENGTH + " characters that are not spaces";
    private static final Pattern USERNAME = Pattern.compile("[\\w.@+-]{1,150}", Pattern.UNICODE_CHARACTER_CLASS);

    private AccountRules() {
    }

    /** The problem with a username, if any. */
    static Optional<String> usernameProblem(String username) {
        if (username == null || username.isEmpty()) {
            return Optional.of("username is required");
        }
        if (!USERNAME.matcher(username).matches()) {
            return Optional.of("username must be 1 to 150 letters, digits and @ . + - _");
        }
        return Optional.empty();
    }

    static Optional<String> passwordProblem(String password) {
        if (password == null || password.isEmpty()) {
            return Optional.of("password is required");
        }
        if (password.codePointCount(0, password.length()) < MIN_PASSWORD_LENGTH) {
            return Optional.of("password must be at least " + MIN_PASSWORD_LENGTH + " characters");
        }
        // Eight spaces (or tabs, or line breaks) are as easy to guess as no password at all.
        if (password.codePoints().filter(c -> !Character.isWhitespace(c) && !Character.isSpaceChar(c)).count() < MIN_PASSWORD_LENGTH) {
            return Optional.of(BLANK_PASSWORD);
        }
        return Optional.empty();
    }
}
