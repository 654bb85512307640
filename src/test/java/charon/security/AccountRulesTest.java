package charon.security;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AccountRulesTest {

    @Test
    void usernamesFollowDjangosValidator() {
        for (String ok : new String[] {"ripley", "Ellen.Ripley", "hicks@lv426", "a+b-c_d", "x", "Ren\u00e9e", "a".repeat(150), "42"}) {
            assertTrue(AccountRules.usernameProblem(ok).isEmpty(), ok);
        }
        for (String bad : new String[] {"", "with space", "semi;colon", "slash/", "quote'", "a".repeat(151), "tab\t", "new\nline"}) {
            assertTrue(AccountRules.usernameProblem(bad).isPresent(), bad);
        }
        assertTrue(AccountRules.usernameProblem(null).isPresent());
    }

    @Test
    void passwordsNeedEightCharacters() {
        assertTrue(AccountRules.passwordProblem("12345678").isEmpty());
        assertTrue(AccountRules.passwordProblem("1234567").isPresent());
        assertTrue(AccountRules.passwordProblem("").isPresent());
        assertTrue(AccountRules.passwordProblem(null).isPresent());
    }

    @Test
    void spacesDoNotCountTowardsTheEight() {
        for (String blank : new String[] {"        ", " \t \n \u00a0   ", "abc     ", "  1234567  ", "\u3000".repeat(9)}) {
            assertEquals(Optional.of("password must have at least 8 characters that are not spaces"), AccountRules.passwordProblem(blank), blank);
        }
        assertTrue(AccountRules.passwordProblem("correct horse").isEmpty(), "spaces inside a long passphrase are fine");
        assertTrue(AccountRules.passwordProblem(" 12345678 ").isEmpty());
    }
}
