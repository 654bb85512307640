package charon.persistence;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import charon.testsupport.Deployments;
import charon.testsupport.DjangoDatabase;
import charon.testsupport.Http;
import charon.testsupport.JsonText;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static charon.testsupport.SqliteRows.count;
import static charon.testsupport.SqliteRows.dump;
import static charon.testsupport.SqliteRows.rows;
import static charon.testsupport.SqliteRows.tables;

/**
 * Deploys the real WAR onto database files: the original's Django database, a fresh file, and
 * files that are not databases. Each deployment is started by hand to choose its file first.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class DatabaseDeploymentIT {

    private static final Path DATA = Path.of(System.getProperty("charon.test.dir", "target/test-data"),
            "database-" + System.nanoTime());
    private static final String MESSAGE_3 = "Temp\u00e9rature de la soute: \u221240 \u00b0C \u2014 \u00dcberpr\u00fcfen Sie die Luftschleuse.\n"
            + "\u8b66\u544a: \u751f\u547d\u7dad\u6301\u88c5\u7f6e\u306e\u6545\u969c \u2620";

    @ArquillianResource
    Deployer deployer;

    @Deployment(name = "django", managed = false, testable = false)
    static WebArchive onDjangoDatabase() {
        return Deployments.charon("django");
    }

    @Deployment(name = "django-again", managed = false, testable = false)
    static WebArchive onDjangoDatabaseAgain() {
        return Deployments.charon("django-again");
    }

    @Deployment(name = "fresh", managed = false, testable = false)
    static WebArchive onFreshFile() {
        return Deployments.charon("fresh");
    }

    @Deployment(name = "broken", managed = false, testable = false)
    static WebArchive onBrokenFile() {
        return Deployments.charon("broken");
    }

    private static URI api(String deployment, String path) {
        return URI.create("http://127.0.0.1:" + System.getProperty("charon.it.port", "18080") + "/" + deployment + "/api/" + path);
    }

    private static void useDatabase(Path file) {
        System.setProperty("charon.home", DATA.resolve("home").toString());
        System.setProperty("charon.db", file.toString());
    }

    @Test
    void takesOverTheDjangoDatabaseWithoutLosingARowAndASecondDeployChangesNothing() throws Exception {
        Path db = DATA.resolve("django.sqlite3");
        Files.createDirectories(DATA);
        DjangoDatabase.create(db);
        assertTrue(tables(db).contains("terminal_activeview"), "the fixture still has the old table");

        useDatabase(db);
        deployer.deploy("django");
        try {
            assertFalse(tables(db).contains("terminal_activeview"), "ActiveView table dropped on deploy");
            assertEquals(6, count(db, "terminal_message"));
            assertEquals(4, count(db, "terminal_message_recipients"));
            assertEquals(3, count(db, "auth_user"));
            assertEquals(List.of("1|2|2", "2|4|2", "3|4|3", "4|5|2"),
                    rows(db, "select id, message_id, user_id from terminal_message_recipients order by id"));

            HttpResponse<String> response = Http.get(api("django", "messages/"));
            assertEquals(200, response.statusCode());
            JsonObject body = JsonText.object(response.body());
            JsonArray messages = body.getJsonArray("messages");
            assertEquals(3, body.getInt("count"), "anonymous readers see the three broadcasts");
            assertEquals(List.of(6, 3, 1), messages.stream().map(m -> m.asJsonObject().getInt("id")).toList());
            JsonObject third = messages.getJsonObject(1);
            assertEquals(MESSAGE_3, third.getString("content"));
            assertEquals("CHARON", third.getString("sender"));
            assertEquals("LOW", third.getString("priority"));
            assertEquals("2025-11-14 19:51:03", third.getString("created_at"));
            assertEquals(List.of(6), JsonText.object(Http.get(api("django", "messages/?since=3")).body())
                    .getJsonArray("messages").stream().map(m -> m.asJsonObject().getInt("id")).toList());
        } finally {
            deployer.undeploy("django");
        }

        List<String> afterFirst = dump(db);
        deployer.deploy("django-again");
        try {
            assertEquals(200, Http.get(api("django-again", "messages/")).statusCode());
        } finally {
            deployer.undeploy("django-again");
        }
        assertEquals(afterFirst, dump(db), "deploying a second time changes nothing");
    }

    @Test
    void createsTheTablesInAFreshFile() throws Exception {
        Path db = DATA.resolve("fresh/new-folder/charon.db");
        useDatabase(db);
        deployer.deploy("fresh");
        try {
            assertTrue(tables(db).containsAll(List.of("auth_user", "terminal_message", "terminal_message_recipients",
                    "charon_channel", "charon_conversation_line")));
            assertEquals(0, count(db, "terminal_message"));
            JsonObject body = JsonText.object(Http.get(api("fresh", "messages/")).body());
            assertEquals(0, body.getInt("count"));
            assertEquals("wal", rows(db, "pragma journal_mode").get(0));
        } finally {
            deployer.undeploy("fresh");
        }
    }

    @Test
    void aFileThatIsNotADatabaseFailsTheDeployAndIsLeftUntouched() throws Exception {
        Path notADatabase = DATA.resolve("broken/notes.txt");
        Files.createDirectories(notADatabase.getParent());
        byte[] content = "Session notes: the crew never made it to Tallow Station.\n".repeat(20).getBytes(StandardCharsets.UTF_8);
        Files.write(notADatabase, content);
        useDatabase(notADatabase);
        try {
            deployer.deploy("broken");
        } catch (Exception expected) {
            // embedded Tomcat reports the failed start in its log rather than to Arquillian
        }
        assertArrayEquals(content, Files.readAllBytes(notADatabase));
        assertFalse(Files.exists(Path.of(notADatabase + "-wal")));
        assertEquals(404, Http.get(api("broken", "active-view/")).statusCode(), "the broken deployment serves nothing");
        try {
            deployer.undeploy("broken");
        } catch (Exception ignored) {
            // it never started
        }
    }
}
