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

    static List<TokenImage> tokenImages(List<Map<String, Object>> crew, List<Map<String, Object>> npcs,
                                        List<String> imageFiles) {
        List<TokenImage> images = new ArrayList<>();
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

    static Map<String, NpcCard> npcCards(List<Map<String, Object>> npcs) {
        Map<String, NpcCard> cards = new LinkedHashMap<>();
        for (Map<String, Object> npc : npcs) {
            if (Values.truthy(npc.get("id"))) {
                cards.putIfAbsent(Values.str(npc.get("id")), npcCard(npc));
            }
        }
        return cards;
    }

    static NpcCard npcCard(Map<String, Object> npc) {
        return new NpcCard(FreeForm.json(npc.get("id")), FreeForm.json(npc.get("name")),
                FreeForm.json(Values.rawOr(npc, "portrait", "")));
    }

    private static Object idOrName(Map<String, Object> person) {
        return Values.truthy(person.get("id")) ? person.get("id") : person.get("name");
    }

    private static TokenImage image(Object id, Object name, String type, Object url, String source) {
        return new TokenImage(FreeForm.json(id), FreeForm.json(name), type, FreeForm.json(url), source);
    }
}
