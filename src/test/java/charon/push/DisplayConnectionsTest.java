package charon.push;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

class DisplayConnectionsTest {

    /** Tomcat's upgrade-handler interface is internal API: this fails when a Tomcat upgrade changes it under Charon. */
    @Test
    void upgradedConnectionImplementsThisTomcatsUpgradeHandlerInterface() {
        assertTrue(DisplayConnections.TomcatUpgrade.implementsEveryMethod());
    }
}
