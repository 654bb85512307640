package charon.journal;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import charon.json.Json;
import charon.view.ActiveView;
import charon.view.BridgeView;
import charon.view.CharonMode;
import charon.view.DoorStatus;
import charon.view.EncounterMemory;
import charon.view.ShipSystemOverride;
import charon.view.SoundState;
import charon.view.TableState;
import charon.view.Token;
import charon.view.ViewType;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the journal writes reads back as the same state, field for field and in the same order. */
class TableStateJsonTest {

    @Test
    void aMalformedOrIncompleteRowIsRefused() {
        assertThrows(RuntimeException.class, () -> TableStateCodec.read("{\"view\":{}}"));
        assertThrows(RuntimeException.class, () -> TableStateCodec.read("not json"));
        String good = TableStateCodec.write(TableState.START);
        assertThrows(RuntimeException.class, () -> TableStateCodec.read(good.replace("STANDBY", "TELEPORT")));
    }


    @Test
    void aRichTableStateSurvivesTheJournalFormat() {
        ActiveView view = ActiveView.STANDBY.withView(ViewType.ENCOUNTER, "msv_caldera_wren", "")
                .withOverlay("tallow", "ops").withCharonMode(CharonMode.QUERY).withCharonDialogOpen(true)
                .withCharonActiveChannel("encounter-msv_caldera_wren").withDeck(2, "deck_2")
                .withRoomVisible("cryo", true).withRoomVisible("bridge", false)
                .withDoorStatus("c1", DoorStatus.LOCKED)
                .withToken("a1", new Token("npc", "Vask \"the\" Ünïcode", 3, 4, List.of("wounded", "stunned"), "/img.png", "cryo"))
                .withActivePortraits(List.of("vask", "ortiz"))
                .withShipSystemOverride("engines", new ShipSystemOverride("DAMAGED", null, null))
                .withShipSystemOverride("comms", new ShipSystemOverride("ONLINE", 80, "static"));
        SoundState sound = SoundState.START.withAmbience(ViewType.BRIDGE, "audio/reactor.ogg").withLevel(35)
                .withAlert("hull-breach", java.time.Instant.parse("2026-12-03T13:00:00.123Z"));
        TableState state = new TableState(view, Map.of("tallow", new EncounterMemory(1, "", Map.of("dock", true),
                Map.of("c9", DoorStatus.OPEN), Map.of("t", new Token("player", "Ash", 0, 0, List.of(), "", "")), List.of("x"))), sound);
        String json = TableStateCodec.write(state);
        TableState read = TableStateCodec.read(json);
        assertEquals(state, read);
        assertEquals(json, Json.write(read), "byte for byte");
        assertEquals(Json.write(view), Json.write(read.view()), "the view the displays saw, byte for byte");
        assertEquals(sound, read.sound(), "the ambience, the level and the last alert (displays never replay it: its sequence only tells a new one)");
    }

    @Test
    void aRowWrittenBeforeTheTableHadSoundReadsWithTheDefaultSound() {
        jakarta.json.JsonObject row = jakarta.json.Json.createReader(new java.io.StringReader(TableStateCodec.write(TableState.START))).readObject();
        String withoutSound = jakarta.json.Json.createObjectBuilder(row).remove("sound").build().toString();
        assertTrue(!withoutSound.contains("sound"), withoutSound);
        assertEquals(SoundState.START, TableStateCodec.read(withoutSound).sound());
    }

    @Test
    void theBridgeTheGmChoseSurvivesTheJournalFormat() {
        BridgeView bridge = new BridgeView(BridgeView.Tab.PERSONNEL, BridgeView.Level.ORBIT, "hesper", "orrin",
                "Orrin Highdock", "vask", "3");
        TableState state = new TableState(ActiveView.STANDBY.withView(ViewType.BRIDGE, "", ""), Map.of(), bridge);
        String json = TableStateCodec.write(state);
        TableState read = TableStateCodec.read(json);
        assertEquals(bridge, read.bridge());
        assertEquals(json, Json.write(read), "byte for byte");
        String older = json.replaceAll("\"bridge\":\\{[^}]*\\},?", "");
        assertEquals(BridgeView.START, TableStateCodec.read(older).bridge(), "a row from before the bridge starts on the galaxy");
        assertThrows(RuntimeException.class, () -> TableStateCodec.read(json.replace("ORBIT", "WARP")));
    }

    /** The payload's sound key: alert null before the first (the displays read it so), keys in a fixed order. */
    @Test
    void theSoundKeyOfThePayloads() {
        charon.view.SoundState sound = charon.view.SoundState.START;
        assertEquals("{\"alert\":null,\"ambience\":\"tension-drone\",\"level\":60}",
                Json.write(sound.payload(charon.view.ViewType.ENCOUNTER, false)));
        charon.view.SoundState fired = sound.withAlert("klaxon", java.time.Instant.parse("2291-03-01T10:00:00Z"));
        assertEquals("{\"alert\":{\"name\":\"klaxon\",\"sequence\":1,\"at\":\"2291-03-01T10:00:00Z\"},"
                + "\"ambience\":\"engine-hum\",\"level\":60,\"ambience_by_view\":{",
                Json.write(fired.payload(charon.view.ViewType.BRIDGE, true)).replaceAll("\\{\"STANDBY.*", "{"));
    }
}
