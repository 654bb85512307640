package charon.ai;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

import charon.campaign.Campaign;
import charon.campaign.Deck;
import charon.campaign.Location;
import charon.campaign.Message;
import charon.campaign.Session;
import charon.campaign.Terminal;

/**
 * Everything the original fed its model, cut into passages: each location's location.yaml (GM-only keys left out),
 * its lore note's picked sections, its rooms and its terminals' messages; the NPCs, the players' crew and ship and
 * the session logs. Which of them a query may use is decided per query ({@link PlayerReach}).
 */
final class KnowledgeCollector {

    private static final Logger LOG = Logger.getLogger(KnowledgeCollector.class.getName());

    private final Path root;
    private final List<Passage> out = new ArrayList<>();

    private KnowledgeCollector(Path root) {
        this.root = root;
    }

    static List<Passage> collect(Campaign campaign, Path root) {
        KnowledgeCollector collector = new KnowledgeCollector(root);
        campaign.allLocations().forEach(collector::location);
        campaign.npcs().forEach(npc -> collector.add("", "npc", "NPC " + str(npc, "name"), fields(npc, "portrait", "id"),
                "npc:" + str(npc, "id")));
        campaign.crew().forEach(member -> collector.add("", "crew", "Crew member " + str(member, "name"),
                fields(member, "portrait", "id"), ""));
        campaign.ship().ifPresent(ship -> collector.add("", "ship", "The players' ship " + str(ship, "name"),
                fields(ship, "image"), ""));
        for (Session session : campaign.sessions()) {
            collector.add("", "session", "Session log " + session.number() + " " + session.title(),
                    session.body(), "");
        }
        return List.copyOf(collector.out);
    }

    private void location(Location location) {
        String slug = location.slug();
        add(slug, "location", location.name() + " (" + location.type() + ")", fields(location.data()), "");
        lore(location);
        location.map().ifPresent(map -> {
            for (Deck deck : map.decks()) {
                for (Object room : deck.rooms()) {
                    if (room instanceof Map<?, ?> r && r.get("id") != null) {
                        add(slug, "room", location.name() + ", " + deck.name() + ": room " + str(r, "name"),
                                fields(r, "id", "x", "y", "width", "height", "image"), "room:" + r.get("id"));
                    }
                }
            }
        });
        for (Terminal terminal : location.terminals()) {
            for (Message message : terminal.messages()) {
                add(slug, "terminal", "Message on terminal " + terminal.slug() + " of " + location.name()
                                + " from " + message.from() + " to " + message.to() + " (" + message.subject() + ")",
                        message.content(), "terminal:" + slug + "/" + terminal.slug());
            }
        }
    }

    private void lore(Location location) {
        if (!(location.data().get("lore") instanceof Map<?, ?> lore) || lore.get("note") == null) {
            return;
        }
        Path file = LoreNotes.resolve(root.resolve("lore"), String.valueOf(lore.get("note")));
        if (file == null) {
            LOG.warning("Lore note outside the lore folder ignored for " + location.slug());
            return;
        }
        try {
            for (LoreNotes.Section section : LoreNotes.read(file, strings(lore.get("charon_sections")), strings(lore.get("exclude_patterns")))) {
                add(location.slug(), "lore", location.name() + " — " + section.heading(), section.text(), "");
            }
        } catch (IOException e) {
            LOG.warning("Lore note of " + location.slug() + " unreadable: " + lore.get("note"));
        }
    }

    private void add(String locationSlug, String kind, String title, String text, String gate) {
        if (text != null && !text.isBlank()) {
            out.add(new Passage(kind + "-" + out.size(), locationSlug, kind, title, text.strip(), gate));
        }
    }

    /** The mapping as "key: value" lines, leaving out GM-only keys and the given layout keys. */
    private static String fields(Map<?, ?> data, String... skipped) {
        StringBuilder text = new StringBuilder();
        data.forEach((key, value) -> {
            String k = String.valueOf(key);
            if (!Persona.gmOnly(k) && !List.of(skipped).contains(k) && value != null) {
                text.append(k).append(": ").append(Persona.render(value, "")).append('\n');
            }
        });
        return text.toString();
    }

    private static String str(Map<?, ?> data, String key) {
        Object value = data.get(key);
        return value == null ? "" : String.valueOf(value);
    }

    private static List<String> strings(Object value) {
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return value == null ? List.of() : List.of(String.valueOf(value));
    }
}
