package charon.ai;

/**
 * One piece of campaign knowledge CHARON may be given. {@code locationSlug} is where it belongs ("" for what the
 * players carry everywhere: their ship, crew, session logs); {@code gate} names what players must have been shown
 * before it may be used ("" for nothing more than reaching its location; {@code terminal:<loc>/<slug>},
 * {@code npc:<id>} or {@code room:<id>} otherwise).
 */
public record Passage(String id, String locationSlug, String kind, String title, String text, String gate) {

    /** As it appears in the prompt. */
    String forPrompt() {
        return title + ": " + text;
    }
}
