package charon.campaign;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContext;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

import charon.config.CharonConfig;
import charon.view.DerivedDataChanged;

/**
 * The campaign in use: the GM's directory ({@code CHARON_CAMPAIGN}) or the demo inside the WAR.
 * Parsed once into memory; a watcher reloads it when a file changes and tells the view, which
 * pushes a fresh payload if the displays would see a difference.
 */
@ApplicationScoped
public class CurrentCampaign {

    private static final Logger LOG = Logger.getLogger(CurrentCampaign.class.getName());
    static final String DEMO = "/WEB-INF/demo-campaign";

    @Inject
    CharonConfig config;
    @Inject
    Event<DerivedDataChanged> derivedDataChanged;

    private volatile Campaign campaign;
    private volatile Path root;
    private volatile boolean demo;
    private CampaignWatcher watcher;

    void start(@Observes @Initialized(ApplicationScoped.class) ServletContext context) {
        root = config.campaignDirectory().orElseGet(() -> demoDirectory(context));
        demo = config.campaignDirectory().isEmpty();
        campaign = load();
        try {
            watcher = new CampaignWatcher(root, this::reload);
        } catch (IOException e) {
            LOG.warning("Campaign files will not be reloaded on change: " + e.getMessage());
        }
    }

    public Campaign get() {
        Campaign current = campaign;
        if (current == null) {
            throw new IllegalStateException("campaign not loaded yet");
        }
        return current;
    }

    public Path root() {
        return root;
    }

    public boolean isDemo() {
        return demo;
    }

    /**
     * Why the GM's campaign cannot be shown, in words for a public status page (no server path), or empty
     * when it loaded. A folder that is missing or unreadable leaves the displays with nothing to show.
     */
    public Optional<String> unavailable() {
        if (demo) {
            return Optional.empty();
        }
        if (!Files.isDirectory(root)) {
            return Optional.of("the campaign folder (CHARON_CAMPAIGN) does not exist");
        }
        if (!Files.isReadable(root)) {
            return Optional.of("the campaign folder (CHARON_CAMPAIGN) cannot be read");
        }
        return Optional.empty();
    }

    /** Re-reads every file; the old campaign keeps serving until the new one is complete. */
    public void reload() {
        try {
            campaign = load();
            derivedDataChanged.fire(new DerivedDataChanged("campaign files changed"));
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Campaign reload failed; keeping the previous campaign", e);
        }
    }

    private Campaign load() {
        Campaign loaded = CampaignLoader.load(root);
        LOG.info(String.format("Campaign %s: %d locations, %d NPCs, %d problems",
                demo ? "(demo)" : root, loaded.allLocations().size(), loaded.npcs().size(), loaded.problems().size()));
        loaded.problems().forEach(p -> LOG.warning("Campaign problem: " + p.file()
                + (p.line() == null ? "" : ":" + p.line()) + ": " + p.message()));
        return loaded;
    }

    /** The demo as a real directory: the exploded WAR when there is one, else a copy in the data folder. */
    private Path demoDirectory(ServletContext context) {
        String real = context.getRealPath(DEMO);
        if (real != null && Files.isDirectory(Path.of(real))) {
            return Path.of(real);
        }
        Path copy = config.home().resolve("demo-campaign");
        try {
            copyResources(context, DEMO + "/", copy);
        } catch (IOException e) {
            throw new IllegalStateException("cannot unpack the demo campaign to " + copy, e);
        }
        return copy;
    }

    private static void copyResources(ServletContext context, String dir, Path target) throws IOException {
        Set<String> paths = context.getResourcePaths(dir);
        if (paths == null) {
            return;
        }
        for (String path : paths) {
            Path out = target.resolve(path.substring(DEMO.length() + 1));
            if (path.endsWith("/")) {
                Files.createDirectories(out);
                copyResources(context, path, target);
            } else {
                Files.createDirectories(out.getParent());
                try (InputStream in = context.getResourceAsStream(path)) {
                    Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    @PreDestroy
    void stop() {
        if (watcher != null) {
            watcher.close();
        }
    }
}
