package charon.json;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;

import charon.errors.BodyTooLarge;
import charon.errors.InvalidRequest;
import charon.errors.RefusalMapper;
import charon.gm.GmRequests.PlaceToken;
import charon.gm.GmRequests.Portrait;
import charon.gm.GmRequests.RoomVisibility;
import charon.gm.GmRequests.SwitchView;
import charon.gm.GmRequests.TokenStatus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The one reader of the contract's request bodies: what it accepts, and the refusal it gives for everything else. */
class JsonRequestReaderTest {

    private static void refused(String expected, Class<? extends Record> type, String body) {
        InvalidRequest e = assertThrows(InvalidRequest.class, () -> JsonRequestReader.read(type, body), body);
        assertEquals(400, RefusalMapper.status(e));
        assertEquals(expected, e.getMessage(), body);
    }

    @Test
    void onlyOneWellFormedObjectIsRead() {
        JsonRequestReader.read(NoFields.class, "{}");
        JsonRequestReader.read(NoFields.class, " {\"username\":\"gm\",\"nested\":{\"a\":[1,2]}} ");
        JsonRequestReader.read(NoFields.class, " ");
        refused("Invalid JSON", NoFields.class, "{");
        refused("Invalid JSON", NoFields.class, "{\"a\":}");
        refused("Invalid JSON", NoFields.class, "{'a':1}");
        refused("Invalid JSON", NoFields.class, "not json");
        refused("Invalid JSON", NoFields.class, "{} {}");
        refused("Invalid JSON", NoFields.class, "{}x");
        refused("Body must be a JSON object", NoFields.class, "[1]");
        refused("Body must be a JSON object", NoFields.class, "\"text\"");
        refused("Body must be a JSON object", NoFields.class, "42");
        refused("Body must be a JSON object", NoFields.class, "null");
        refused("JSON is nested too deeply (limit 32 levels)", NoFields.class, "[".repeat(10_000));
    }

    @Test
    void snakeCaseFieldsBindToTheRecordWithItsDefaults() {
        assertEquals(new SwitchView("ENCOUNTER", "isv_cormorant", ""),
                JsonRequestReader.read(SwitchView.class, "{\"view_type\":\"ENCOUNTER\",\"location_slug\":\"isv_cormorant\",\"other\":1}"));
        assertEquals(new SwitchView("STANDBY", "", ""), JsonRequestReader.read(SwitchView.class, ""));
        // a JSON null is a missing field, so the default applies
        assertEquals(new SwitchView("STANDBY", "", ""), JsonRequestReader.read(SwitchView.class, "{\"view_type\":null}"));
        assertEquals(new PlaceToken("npc", "Vasquez", 100, 3, "", "r1"),
                JsonRequestReader.read(PlaceToken.class, "{\"type\":\"npc\",\"name\":\"Vasquez\",\"x\":100,\"y\":3,\"room_id\":\"r1\"}"));
        assertEquals(new TokenStatus("t1", List.of("dead")), JsonRequestReader.read(TokenStatus.class, "{\"token_id\":\"t1\",\"status\":[\"dead\"]}"));
        assertEquals(Map.of("a", true, "b", false),
                JsonRequestReader.read(RoomVisibility.class, "{\"room_visibility\":{\"a\":true,\"b\":false}}").roomVisibility());
    }

    @Test
    void aFieldOfTheWrongTypeIsNamed() {
        refused("view_type must be a string", SwitchView.class, "{\"view_type\":3}");
        refused("x must be an integer", PlaceToken.class, "{\"type\":\"npc\",\"name\":\"n\",\"x\":2.5,\"y\":1}");
        refused("x must be an integer", PlaceToken.class, "{\"type\":\"npc\",\"name\":\"n\",\"x\":\"2\",\"y\":1}");
        refused("x must be an integer", PlaceToken.class, "{\"type\":\"npc\",\"name\":\"n\",\"x\":true,\"y\":1}");
        refused("y is out of range", PlaceToken.class, "{\"type\":\"npc\",\"name\":\"n\",\"x\":1,\"y\":4294967296}");
        refused("status must be an array", TokenStatus.class, "{\"token_id\":\"t\",\"status\":\"dead\"}");
        refused("status must be an array of strings", TokenStatus.class, "{\"token_id\":\"t\",\"status\":[1]}");
        refused("room_visibility must be an object", RoomVisibility.class, "{\"room_visibility\":[]}");
        refused("room_visibility.a must be true or false", RoomVisibility.class, "{\"room_visibility\":{\"a\":1}}");
        refused("Number out of range: 1E+2147483648", PlaceToken.class, "{\"x\":1E+2147483648}");
    }

    @Test
    void theRecordsConstraintsGiveTheContractsRefusals() {
        refused("type is required", PlaceToken.class, "{}");
        refused("x is required", PlaceToken.class, "{\"type\":\"npc\",\"name\":\"n\",\"y\":1}");
        refused("npc_id is required", Portrait.class, "{\"npc_id\":\"   \"}");
        refused("npc_id is required", Portrait.class, "{}");
        refused("room_visibility is required", RoomVisibility.class, "{\"room_visibility\":null}");
    }

    @Test
    void bodiesAreCappedAt64Kb() throws Exception {
        assertEquals(65536, BodyLimit.read(new ByteArrayInputStream(new byte[65536])).length);
        BodyTooLarge e = assertThrows(BodyTooLarge.class, () -> BodyLimit.read(new ByteArrayInputStream(new byte[65537])));
        assertEquals(413, RefusalMapper.status(e));
        assertEquals("Request body too large (limit 64 KB)", e.getMessage());
    }
}
