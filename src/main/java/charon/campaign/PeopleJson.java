package charon.campaign;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Token gallery (§6.11) and NPC portrait cards (encounter_npc_data). */
final class PeopleJson {

    static final String IMAGES_DIR = "campaign/NPCs/images/";

    private PeopleJson() {
    }

    static List<Map<String, Object>> tokenImages(List<Map<String, Object>> crew, List<Map<String, Object>> npcs,
                                           List<String> imageFiles) {
        List<Map<String, Object>> images = new ArrayList<>();
        crew.stream().filter(c -> Values.truthy(c.get("portrait")))
                .forEach(c -> images.add(image(idOrName(c), c.get("name"), "player", c.get("portrait"), "crew")));
        npcs.stream().filter(n -> Values.truthy(n.get("portrait")))
                .forEach(n -> images.add(image(idOrName(n), n.get("name"), "npc", n.get("portrait"), "npc")));
        for (String file : imageFiles) {
            int dot = file.lastIndexOf('.');
            images.add(image(file, dot > 0 ? file.substring(0, dot) : file, "creature", IMAGES_DIR + file, "images"));
        }
        return images;
    }

    static Map<String, Object> npcCards(List<Map<String, Object>> npcs) {
        Map<String, Object> cards = new LinkedHashMap<>();
        for (Map<String, Object> npc : npcs) {
            if (Values.truthy(npc.get("id"))) {
                Map<String, Object> card = new LinkedHashMap<>();
                card.put("id", npc.get("id"));
                card.put("name", npc.get("name"));
                card.put("portrait", Values.rawOr(npc, "portrait", ""));
                cards.putIfAbsent(Values.str(npc.get("id")), card);
            }
        }
        return cards;
    }

    private static Object idOrName(Map<String, Object> person) {
        return Values.truthy(person.get("id")) ? person.get("id") : person.get("name");
    }

    private static Map<String, Object> image(Object id, Object name, String type, Object url, String source) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", id);
        json.put("name", name);
        json.put("type", type);
        json.put("url", url);
        json.put("source", source);
        return json;
    }
}
