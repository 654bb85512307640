package charon.ai;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.servlet.ServletContext;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Level;
import java.util.logging.Logger;

import charon.campaign.Campaign;
import charon.campaign.CurrentCampaign;
import charon.view.DerivedDataChanged;

/**
 * The knowledge of the campaign in use: indexed in the background when the campaign is loaded or reloaded (if a
 * provider is configured), else at the first draft; a draft never reads the campaign's files itself.
 */
@ApplicationScoped
public class CharonKnowledge {

    private static final Logger LOG = Logger.getLogger(CharonKnowledge.class.getName());

    @Inject
    CurrentCampaign campaign;
    @Inject
    PlayerReach reach;
    @Inject
    AiConfig config;

    private final ExecutorService indexer = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "charon-knowledge-index");
        thread.setDaemon(true);
        return thread;
    });
    private KnowledgeIndex index;

    /** After the campaign's own start-up observer (default priority), so the campaign is loaded. */
    void started(@Observes @Priority(Interceptor.Priority.APPLICATION + 900) @Initialized(ApplicationScoped.class) ServletContext context) {
        prebuild();
    }

    void reloaded(@Observes DerivedDataChanged changed) {
        prebuild();
    }

    private void prebuild() {
        try {
            if (config.current().enabled()) {
                indexer.execute(() -> {
                    try {
                        current();
                    } catch (RuntimeException | LinkageError e) {
                        LOG.log(Level.WARNING, "CHARON knowledge could not be indexed", e);
                    }
                });
            }
        } catch (IllegalArgumentException e) {
            LOG.warning("CHARON AI settings: " + e.getMessage());
        }
    }

    /** The index of the campaign loaded now, built if it is not yet. Never call from a request thread. */
    synchronized KnowledgeIndex current() {
        Campaign loaded = campaign.get();
        if (index == null || !index.isFor(loaded)) {
            index = KnowledgeIndex.build(loaded, campaign.root());
        }
        return index;
    }

    Prompt prompt(String channel, String query, String contextOverride) {
        KnowledgeIndex knowledge = current();
        return PromptBuilder.build(knowledge, reach.scope(knowledge.campaign(), channel), query, contextOverride);
    }

    @PreDestroy
    void stop() {
        indexer.shutdownNow();
        KnowledgeIndex.releaseNativeCopy();
    }
}
