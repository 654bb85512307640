package charon.ai;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import charon.campaign.Campaign;
import charon.campaign.CampaignLoader;
import charon.campaign.CurrentCampaign;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The knowledge is indexed once per loaded campaign, and again after a (hot) reload, which loads a new one. */
class KnowledgeReloadTest {

    /** A campaign holder the test reloads by hand, as the file watcher would. */
    static final class ReloadableCampaign extends CurrentCampaign {
        final Path root;
        volatile Campaign campaign;

        ReloadableCampaign(Path root) {
            this.root = root;
            this.campaign = CampaignLoader.load(root);
        }

        @Override
        public Campaign get() {
            return campaign;
        }

        @Override
        public Path root() {
            return root;
        }
    }

    @Test
    void indexedOncePerLoadAndAgainAfterAReload() throws IOException {
        Path copy = Path.of("target/ai-tests/reload-" + System.nanoTime());
        copyTree(AnswersHarness.DEMO, copy);
        ReloadableCampaign campaign = new ReloadableCampaign(copy);
        CharonKnowledge knowledge = new CharonKnowledge();
        knowledge.campaign = campaign;
        knowledge.reach = new PlayerReach();
        knowledge.config = new AiConfig();

        KnowledgeIndex first = knowledge.current();
        assertSame(first, knowledge.current(), "not indexed again for the same campaign");
        assertFalse(text(first).contains("Grain alcohol still"));

        Path deck = copy.resolve("galaxy/hesper/orrin/msv_caldera_wren/map/deck_lower.yaml");
        Files.writeString(deck, Files.readString(deck).replace("Lathe, welder, a box of mismatched bolts", "Grain alcohol still, badly hidden"));
        campaign.campaign = CampaignLoader.load(copy);
        KnowledgeIndex reloaded = knowledge.current();
        assertNotSame(first, reloaded);
        assertTrue(text(reloaded).contains("Grain alcohol still"));
        knowledge.stop();
    }

    private static String text(KnowledgeIndex index) {
        return String.join("\n", index.passages().stream().map(Passage::forPrompt).toList());
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
    }
}
