package charon.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run command's own logic: its arguments, its folder per port, its port check (bin/run runs it for real in CI). */
class RunCommandTest {

    @TempDir
    Path temp;

    private String[] args(String... extra) throws IOException {
        Path war = Files.writeString(temp.resolve("charon.war"), "a WAR");
        Path serverXml = Files.writeString(temp.resolve("server.xml"), "<Server/>");
        String[] base = {"--war", war.toString(), "--server-xml", serverXml.toString(), "--run-dir", temp.resolve("run").toString()};
        String[] all = new String[base.length + extra.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(extra, 0, all, base.length, extra.length);
        return all;
    }

    @Test
    void argumentsAreCheckedWithAOneLineReason() throws IOException {
        assertEquals(9090, RunSettings.parse(args("--port", "9090")).port());
        assertEquals("The port must be a number from 1 to 65535, not 'eighty'",
                assertThrows(IllegalArgumentException.class, () -> RunSettings.parse(args("--port", "eighty"))).getMessage());
        assertEquals("The port must be a number from 1 to 65535, not '70000'",
                assertThrows(IllegalArgumentException.class, () -> RunSettings.parse(args("--port", "70000"))).getMessage());
        assertEquals("--port needs a value",
                assertThrows(IllegalArgumentException.class, () -> RunSettings.parse(args("--port"))).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> RunSettings.parse(args("--verbose"))).getMessage()
                .startsWith("Unknown argument --verbose. Usage: bin/run [--port N]"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> RunSettings.parse(new String[] {"--war", temp.resolve("nothing.war").toString()})).getMessage()
                .startsWith("No built WAR at "));
    }

    @Test
    void eachPortHasItsOwnFolderAndAPidFileOfADeadProcessIsNotARunningServer() throws IOException {
        RunFolder folder = new RunFolder(temp.resolve("run"), 18990);
        assertEquals(temp.resolve("run").resolve("18990"), folder.base());
        assertFalse(folder.taken());
        folder.claim();
        assertFalse(folder.taken(), "this test's JVM is not a run server, and a process never counts itself");
        Files.writeString(folder.base().resolve("charon.pid"), Long.MAX_VALUE + " 18990\n");
        assertFalse(folder.taken(), "no such process");
        folder.release();
        assertFalse(Files.exists(folder.base().resolve("charon.pid")));
    }

    @Test
    void theWarIsCopiedSoARebuildCannotChangeARunningServer() throws IOException {
        Path war = Files.writeString(temp.resolve("charon.war"), "v1");
        RunFolder folder = new RunFolder(temp.resolve("run"), 18991);
        Path copy = folder.copyOfWar(war);
        Files.writeString(war, "v2");
        assertEquals("v1", Files.readString(copy));
        assertTrue(Files.isDirectory(folder.base().resolve("webapps")), "where Tomcat unpacks it");
        assertEquals("v2", Files.readString(folder.copyOfWar(war)));
    }

    @Test
    void aPortSomeoneListensOnIsNotFree() throws IOException {
        try (ServerSocket taken = new ServerSocket(0)) {
            assertFalse(Ports.isFree(taken.getLocalPort()));
        }
    }
}
