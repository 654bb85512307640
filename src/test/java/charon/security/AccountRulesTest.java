package charon.security;

import org.junit.jupiter.api.Test;

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
}
