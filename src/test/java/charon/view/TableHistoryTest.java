package charon.view;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;

import charon.json.Json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Undo and redo in the store: each an ordinary change (one version, one event), exact to the byte. */
class TableHistoryTest {

    private final List<ActiveViewChanged> announced = new CopyOnWriteArrayList<>();
    private final ActiveViewStore store = new ActiveViewStore(announced::add);

    /** A change that always alters the state (so each one is undoable). */
    private static void randomChange(ActiveViewStore store, Random random, int i) {
        switch (random.nextInt(5)) {
            case 0 -> {
                String room = "room-" + random.nextInt(8);
                store.update("flip " + room, v -> v.withRoomVisible(room, !v.encounterRoomVisibility().getOrDefault(room, false)));
            }
            case 1 -> store.update("place t" + i, v -> v.withToken("t" + i, new Token("npc", "N" + i, random.nextInt(20), random.nextInt(20), List.of(), "", "")));
            case 2 -> store.update("door " + i, v -> v.withDoorStatus("d" + i, DoorStatus.values()[random.nextInt(5)]));
            case 3 -> store.edit(t -> new ActiveViewStore.Edit(t.remembering("loc-" + i, new EncounterMemory(2, "deck-" + i,
                    Map.of("r", true), Map.of(), Map.of(), List.of("npc-" + i))), "remember loc-" + i));
            default -> store.update("show " + i, v -> v.withView(ViewType.values()[random.nextInt(4)], "loc-" + i, ""));
        }
    }

    @Test
    void fiftyRandomChangesThenFiftyUndosGiveTheOriginalStateByteForByte() {
        Random random = new Random(42);
        for (int i = 0; i < 7; i++) {
            randomChange(store, random, 1000 + i); // some state before the 50 changes
        }
        TableSnapshot original = store.snapshot();
        String originalJson = Json.write(original.table());
        for (int i = 0; i < 50; i++) {
            randomChange(store, random, i);
        }
        TableSnapshot changed = store.snapshot();
        assertNotEquals(originalJson, Json.write(changed.table()));
        for (int i = 0; i < 50; i++) {
            int eventsBefore = announced.size();
            long versionBefore = store.current().version();
            VersionedView undone = store.undo().orElseThrow(() -> new AssertionError("nothing to undo"));
            assertEquals(versionBefore + 1, undone.version(), "an undo is a new version");
            assertEquals(eventsBefore + 1, announced.size(), "an undo is exactly one event");
            assertEquals(undone, announced.get(announced.size() - 1).current());
        }
        assertEquals(originalJson, Json.write(store.snapshot().table()), "the table state, byte for byte");
        assertEquals(Json.write(original.table().view()), Json.write(store.current().view()), "the view, byte for byte");
        for (int i = 0; i < 50; i++) {
            store.redo().orElseThrow();
        }
        assertEquals(Json.write(changed.table()), Json.write(store.snapshot().table()), "redo re-applies every change");
    }

    @Test
    void theConsoleSeesWhatTheNextUndoReverts() {
        store.update("reveal CRYO VAULT", v -> v.withRoomVisible("cryo", true));
        store.update("place Vask", v -> v.withToken("t", new Token("npc", "Vask", 1, 1, List.of(), "", "")));
        assertEquals("place Vask", store.snapshot().nextUndo().orElseThrow());
        store.undo();
        assertEquals("reveal CRYO VAULT", store.snapshot().nextUndo().orElseThrow());
        assertEquals("place Vask", store.snapshot().nextRedo().orElseThrow());
        store.update("hide CRYO VAULT", v -> v.withRoomVisible("cryo", false));
        assertTrue(store.snapshot().nextRedo().isEmpty(), "a new change ends what could be redone");
        store.touch();
        assertEquals("hide CRYO VAULT", store.snapshot().nextUndo().orElseThrow(), "a change that alters nothing is not an undo step");
    }

    @Test
    void atLeastFiftyChangesCanBeUndoneAndTheOldestFallOff() {
        Random random = new Random(7);
        List<String> states = new ArrayList<>();
        for (int i = 0; i < ChangeHistory.DEPTH + 30; i++) {
            states.add(Json.write(store.snapshot().table()));
            randomChange(store, random, i);
        }
        int undone = 0;
        while (store.undo().isPresent()) {
            undone++;
        }
        assertEquals(ChangeHistory.DEPTH, undone);
        assertTrue(undone >= 50);
        assertEquals(states.get(30), Json.write(store.snapshot().table()));
    }

    @Test
    void aRestoredStateContinuesAfterItsVersionWithoutHistory() {
        store.update("x", v -> v.withCharonMode(CharonMode.QUERY));
        TableState saved = new TableState(ActiveView.STANDBY.withView(ViewType.BRIDGE, "", ""),
                Map.of("tallow", EncounterMemory.NONE));
        VersionedView restored = store.restore(500, saved);
        assertEquals(500, restored.version());
        assertEquals(saved, store.snapshot().table());
        assertTrue(store.undo().isEmpty(), "no undo across a restart");
    }
}
