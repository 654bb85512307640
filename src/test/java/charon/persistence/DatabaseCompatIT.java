package charon.persistence;

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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import charon.testsupport.CompatInputs;
import charon.testsupport.Deployments;
import charon.testsupport.Http;
import charon.testsupport.JsonText;
import charon.testsupport.Session;

import static charon.testsupport.SqliteRows.dumpTable;
import static charon.testsupport.SqliteRows.rows;
import static charon.testsupport.SqliteRows.tables;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Compatibility run only (`mvn -Pcompat verify`): Charon takes over a real database of the original
 * app (a copy of it) with a real campaign folder. Every row of every Django table is kept; the old
 * ActiveView table is dropped; anonymous readers and each given account see exactly the messages the
 * original's rule gives them, computed here from the database itself; the campaign loads with nothing
 * reported. Nothing here knows the data, so it holds for any GM's database and campaign.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class DatabaseCompatIT {

    private static final Path DATA = Path.of(System.getProperty("charon.test.dir", "target/test-data"), "compat-" + System.nanoTime());
    private static final Path DB = DATA.resolve("charon.db");

    @ArquillianResource
    Deployer deployer;

    private List<String> sequenceBefore;

    @Deployment(name = "compat", managed = false, testable = false)
    static WebArchive deployment() {
        return Deployments.charon("compat");
    }

    private static URI api() {
        return URI.create("http://127.0.0.1:" + System.getProperty("charon.it.port", "18080") + "/compat/api/");
    }

    @Test
    void takesOverTheOriginalsDatabaseAndCampaignWithoutLosingARow() throws Exception {
        Path original = CompatInputs.require(CompatInputs.database(), "the original app's db.sqlite3");
        Optional<Path> campaign = CompatInputs.campaign();
        Files.createDirectories(DATA);
        Files.copy(original, DB);
        Map<String, List<String>> before = new LinkedHashMap<>();
        for (String table : tables(DB)) {
            before.put(table, dumpTable(DB, table));
        }

        sequenceBefore = tables(DB).contains("sqlite_sequence") ? rows(DB, "select name, seq from sqlite_sequence order by name") : List.of();
        System.setProperty("charon.home", DATA.toString());
        System.setProperty("charon.db", DB.toString());
        campaign.ifPresentOrElse(c -> System.setProperty("charon.campaign", c.toString()), () -> System.clearProperty("charon.campaign"));
        deployer.deploy("compat");
        try {
            List<String> after = tables(DB);
            assertFalse(after.contains("terminal_activeview"), "the obsolete ActiveView table is dropped");
            for (Map.Entry<String, List<String>> table : before.entrySet()) {
                // sqlite_sequence loses the dropped table's row with it; each kept table's row is its own check
                if (!List.of("terminal_activeview", "sqlite_sequence").contains(table.getKey())) {
                    assertEquals(table.getValue(), dumpTable(DB, table.getKey()), "table " + table.getKey() + " unchanged");
                }
            }

            if (before.containsKey("sqlite_sequence")) {
                String kept = "select name, seq from sqlite_sequence where name in ('"
                        + String.join("','", before.keySet()) + "') and name <> 'terminal_activeview' order by name";
                List<String> expected = sequenceBefore.stream().filter(row -> !row.startsWith("terminal_activeview|")).toList();
                assertEquals(expected, rows(DB, kept), "sqlite_sequence of the kept tables");
            }

            assertEquals(visibleIds(null), messageIds(Http.get(api().resolve("messages/")).body()), "anonymous readers");
            for (String[] login : CompatInputs.logins()) {
                Session session = new Session(api());
                JsonObject me = JsonText.object(session.login(login[0], login[1]).body());
                boolean staff = !rows(DB, "select 1 from auth_user where username = '" + login[0].replace("'", "''")
                        + "' and (is_staff = 1 or is_superuser = 1)").isEmpty();
                assertEquals(staff ? "gm" : "player", me.getString("role"), login[0]);
                assertEquals(visibleIds(login[0]), messageIds(session.get("messages/").body()), login[0]);
            }

            JsonObject health = JsonText.object(Http.get(api().resolve("health")).body());
            JsonObject loaded = health.getJsonObject("campaign");
            if (campaign.isPresent()) {
                assertFalse(loaded.getBoolean("demo"));
                assertTrue(loaded.getInt("locations") > 0, "locations of " + campaign.get());
                assertEquals(0, loaded.getInt("problems"), "problems loading " + campaign.get());
            }
            assertEquals("reachable", health.getString("database"));
        } finally {
            deployer.undeploy("compat");
            System.clearProperty("charon.campaign");
        }
    }

    /** The original's rule (§ messages): broadcasts, plus what is addressed to the user; newest first, 50 at most. */
    private static List<Integer> visibleIds(String username) throws Exception {
        String mine = username == null ? "" : " or m.id in (select r.message_id from terminal_message_recipients r"
                + " join auth_user u on u.id = r.user_id where u.username = '" + username.replace("'", "''") + "')";
        return rows(DB, "select m.id from terminal_message m where not exists (select 1 from terminal_message_recipients r"
                + " where r.message_id = m.id)" + mine + " order by m.created_at desc, m.id desc limit 50")
                .stream().map(Integer::valueOf).toList();
    }

    private static List<Integer> messageIds(String body) {
        return JsonText.object(body).getJsonArray("messages").stream().map(m -> m.asJsonObject().getInt("id")).toList();
    }
}
