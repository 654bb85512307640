package charon.view;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ActiveViewStoreTest {

    private final List<ActiveViewChanged> announced = new CopyOnWriteArrayList<>();
    private final ActiveViewStore store = new ActiveViewStore(announced::add);

    @Test
    void startsInStandbyWithTheOriginalDefaults() {
        ActiveView view = store.current().view();
        assertEquals(0, store.current().version());
        assertEquals(ViewType.STANDBY, view.viewType());
        assertEquals("", view.locationSlug());
        assertEquals(CharonMode.DISPLAY, view.charonMode());
        assertEquals("story", view.charonActiveChannel());
        assertEquals(1, view.encounterLevel());
        assertTrue(view.encounterTokens().isEmpty());
        assertTrue(view.encounterActivePortraits().isEmpty());
    }

    @Test
    void eachChangeBumpsTheVersionAndIsAnnouncedOnce() {
        VersionedView first = store.update(v -> v.withView(ViewType.BRIDGE, "", ""));
        VersionedView second = store.update(v -> v.withRoomVisible("bridge", false));
        assertEquals(1, first.version());
        assertEquals(2, second.version());
        assertEquals(List.of(first, second), announced.stream().map(ActiveViewChanged::current).toList());
        assertEquals(ViewType.BRIDGE, second.view().viewType(), "later changes build on earlier ones");
    }

    @Test
    void aRejectedChangeLeavesStateAndVersionAlone() {
        VersionedView before = store.update(v -> v.withCharonMode(CharonMode.QUERY));
        assertThrows(IllegalArgumentException.class, () -> store.update(v -> {
            throw new IllegalArgumentException("unknown room");
        }));
        assertSame(before, store.current());
        assertEquals(1, announced.size());
    }

    @Test
    void snapshotsCannotBeModified() {
        ActiveView view = store.update(v -> v.withRoomVisible("a", true)).view();
        assertThrows(UnsupportedOperationException.class, () -> view.encounterRoomVisibility().put("b", true));
        assertThrows(UnsupportedOperationException.class, () -> view.encounterActivePortraits().add("npc"));
    }

    /** 8 threads × 10,000 read-modify-write changes on shared maps: none may be lost. */
    @Test
    void concurrentReadModifyWriteChangesLoseNothing() throws Exception {
        int threads = 8;
        int changesPerThread = 10_000;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            String tokenId = "token-" + t;
            String roomPrefix = "room-" + t + "-";
            done.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < changesPerThread; i++) {
                    if (i % 2 == 0) {
                        // move this thread's token one cell right: a lost update leaves x short
                        store.update(v -> {
                            Token token = v.encounterTokens().get(tokenId);
                            Token moved = token == null
                                    ? new Token("npc", tokenId, 1, 0, List.of(), "", "")
                                    : token.movedTo(token.x() + 1, token.y(), token.roomId());
                            return v.withToken(tokenId, moved);
                        });
                    } else {
                        // flip one of 25 rooms: each is flipped 200 times, so all end visible again
                        String room = roomPrefix + (i / 2 % 25);
                        store.update(v -> v.withRoomVisible(room, !v.encounterRoomVisibility().getOrDefault(room, true)));
                    }
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : done) {
            f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();

        VersionedView end = store.current();
        assertEquals(threads * changesPerThread, end.version());
        assertEquals(threads * changesPerThread, announced.size());
        for (int i = 0; i < announced.size(); i++) {
            assertEquals(i + 1, announced.get(i).current().version(), "announced in version order");
        }
        for (int t = 0; t < threads; t++) {
            Token token = end.view().encounterTokens().get("token-" + t);
            assertNotNull(token);
            assertEquals(changesPerThread / 2, token.x(), "every move of token-" + t + " counted");
        }
        Map<String, Boolean> rooms = end.view().encounterRoomVisibility();
        assertEquals(threads * 25, rooms.size());
        rooms.forEach((room, visible) -> assertTrue(visible, room + " flipped an even number of times"));
    }

    @Test
    void anAlertIsOneVersionAndOneEventButNoUndoStepAndUndoKeepsTheSound() {
        store.update("bridge", v -> v.withView(ViewType.BRIDGE, "", ""));
        VersionedView fired = store.changeSound(s -> s.withAlert("klaxon", java.time.Instant.parse("2026-01-01T00:00:00Z")));
        assertEquals(2, fired.version());
        assertEquals(2, announced.size());
        assertEquals(new SoundAlert("klaxon", 1, "2026-01-01T00:00:00Z"), announced.get(1).current().sound().alert());
        assertEquals(1, store.snapshot().undoDepth(), "the alert is not an undo step");
        store.changeSound(s -> s.withAmbience(ViewType.BRIDGE, SoundState.SILENCE).withLevel(20));
        VersionedView undone = store.undo().orElseThrow();
        assertEquals(ViewType.STANDBY, undone.view().viewType(), "undo reverts the view change");
        assertEquals(1, undone.sound().alertSequence(), "and neither takes back the alert...");
        assertEquals(SoundState.SILENCE, undone.sound().ambienceFor(ViewType.BRIDGE), "...nor the ambience");
        assertEquals(20, undone.sound().level());
        VersionedView second = store.changeSound(s -> s.withAlert("hull-breach", java.time.Instant.EPOCH));
        assertEquals(2, second.sound().alertSequence(), "every alert has its own sequence number");
        VersionedView cleared = store.edit(t -> new ActiveViewStore.Edit(TableState.START, "new session"));
        assertEquals(second.sound(), cleared.sound(), "a view change never changes the sound");
    }
}
