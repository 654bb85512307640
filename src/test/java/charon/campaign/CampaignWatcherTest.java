package charon.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CampaignWatcherTest {

    /**
     * A bound on waiting for a real reload, not a timing target: the watcher's 2 s figure (300 ms debounce,
     * at most 1 s under a stream of writes) is measured, and a busy 2-core machine could exceed it.
     */
    private static final long WAIT_SECONDS = 10;

    @TempDir
    Path temp;

    @Test
    void aChangeIsSeenAndReloaded() throws Exception {
        Path root = Fixtures.copy(Fixtures.cinderwake(), temp.resolve("campaign"));
        Semaphore reloads = new Semaphore(0);
        Campaign[] latest = new Campaign[1];
        try (CampaignWatcher watcher = new CampaignWatcher(root, () -> {
            latest[0] = CampaignLoader.load(root);
            reloads.release();
        })) {
            Path tessaly = root.resolve("galaxy/caul/meridian/tessaly/location.yaml");
            Files.writeString(tessaly, Files.readString(tessaly).replace("name: \"Tessaly\"", "name: \"Tessaly (quarantined)\""));
            assertTrue(reloads.tryAcquire(WAIT_SECONDS, TimeUnit.SECONDS), "no reload");
            assertEquals("Tessaly (quarantined)", latest[0].location("tessaly").orElseThrow().name());

            // a folder created after start is watched too
            Path outpost = root.resolve("galaxy/caul/ossuary/ring_outpost");
            Files.createDirectories(outpost);
            assertTrue(reloads.tryAcquire(WAIT_SECONDS, TimeUnit.SECONDS), "no reload for the new folder");
            Files.writeString(outpost.resolve("location.yaml"), "name: \"Ring Outpost\"\ntype: base\n");
            assertTrue(reloads.tryAcquire(WAIT_SECONDS, TimeUnit.SECONDS), "no reload for a file in the new folder");
            reloads.drainPermits();
            assertEquals("Ring Outpost", CampaignLoader.load(root).location("ring_outpost").orElseThrow().name());
        }
    }

    @Test
    void burstOfWritesGivesFewReloads() throws Exception {
        Path root = Fixtures.copy(Fixtures.cinderwake(), temp.resolve("campaign"));
        Path marker = root.resolve("campaign/marker.md");
        Files.writeString(marker, "start");
        Semaphore reloads = new Semaphore(0);
        List<String> markerAtReload = new CopyOnWriteArrayList<>(); // what each reload saw, in order
        int[] taken = {0};
        try (CampaignWatcher watcher = new CampaignWatcher(root, () -> {
            markerAtReload.add(read(marker));
            reloads.release();
        })) {
            for (int i = 0; i < 20; i++) {
                Files.writeString(root.resolve("campaign/scratch.md"), "note " + i);
            }
            Files.writeString(marker, "burst written");
            int burst = reloadsUntilSeen(reloads, markerAtReload, taken, "burst written");
            // a later, single write: every reload the burst caused must have come before this one's
            Files.writeString(marker, "later");
            int later = reloadsUntilSeen(reloads, markerAtReload, taken, "later");
            assertTrue(burst <= 2, "21 writes at once should merge into one reload (two at most across the 1 s cap): "
                    + markerAtReload);
            assertEquals(1, later, "a reload of the burst came late, or one write reloaded twice: " + markerAtReload);
        }
    }

    /** Waits for each reload in turn until one has seen the marker's text; the number of reloads it took. */
    private static int reloadsUntilSeen(Semaphore reloads, List<String> seen, int[] taken, String text) throws InterruptedException {
        int count = 0;
        do {
            assertTrue(reloads.tryAcquire(WAIT_SECONDS, TimeUnit.SECONDS), "no reload showed '" + text + "': " + seen);
            taken[0]++; // the callback records before it releases, so this reload's entry is there
            count++;
        } while (!text.equals(seen.get(taken[0] - 1)));
        return count;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }
}
