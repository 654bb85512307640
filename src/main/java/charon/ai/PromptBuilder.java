package charon.ai;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import charon.campaign.Campaign;
import charon.campaign.Location;

/** Puts a draft's prompt together from the persona, the nearest instance configuration and the retrieved passages. */
final class PromptBuilder {

    static final int PASSAGES_PER_QUERY = 8;

    private PromptBuilder() {
    }

    static Prompt build(KnowledgeIndex index, PlayerReach.Scope scope, String query, String contextOverride) {
        Persona persona = index.persona();
        StringBuilder system = new StringBuilder(persona.systemPrompt().strip()).append('\n');
        if (!persona.personality().isEmpty()) {
            system.append("\nPersonality: ").append(persona.personality()).append('\n');
        }
        String instance = instance(index.campaign(), index.root(), scope.chain());
        if (!instance.isEmpty()) {
            system.append("\nThis terminal's configuration:\n").append(instance).append('\n');
        }
        system.append("\nAnswer as ").append(persona.name()).append(" in at most ").append(persona.maxResponseLength())
                .append(" characters. Use only the records below; when they do not hold the answer, say there is no data.\n");
        if (!scope.view().shipSystemOverrides().isEmpty()) {
            system.append("\nThe players' ship systems now: ");
            scope.view().shipSystemOverrides().forEach((name, o) -> system.append(name).append(' ').append(o.status())
                    .append(o.condition() == null ? "" : " " + o.condition() + "%")
                    .append(o.info() == null || o.info().isBlank() ? "" : " (" + o.info() + ")").append("; "));
            system.append('\n');
        }
        if (contextOverride != null && !contextOverride.isBlank()) {
            system.append("\nGame master's context for this answer:\n").append(contextOverride.strip()).append('\n');
        }
        List<KnowledgeIndex.Hit> hits = index.search(query, scope::allows, PASSAGES_PER_QUERY);
        List<String> ids = new ArrayList<>();
        if (!hits.isEmpty()) {
            system.append("\nRecords:\n");
            for (KnowledgeIndex.Hit hit : hits) {
                system.append("- ").append(hit.passage().forPrompt().replace("\n", "\n  ").strip()).append('\n');
                ids.add(hit.passage().id());
            }
        }
        return new Prompt(system.toString().strip(), query.strip(), persona.temperature(), List.copyOf(ids));
    }

    /** The {@code charon/instance.yaml} of the channel's location, or of the nearest parent that has one. */
    private static String instance(Campaign campaign, Path root, List<String> chain) {
        for (int i = chain.size(); i > 0; i--) {
            Location location = campaign.location(chain.get(i - 1)).orElse(null);
            if (location == null) {
                continue;
            }
            Path dir = root.resolve("galaxy");
            for (String slug : location.path()) {
                dir = dir.resolve(slug);
            }
            String text = Persona.instance(dir.resolve("charon").resolve("instance.yaml"));
            if (!text.isEmpty()) {
                return text;
            }
        }
        return "";
    }
}
