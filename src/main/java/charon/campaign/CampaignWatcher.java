package charon.campaign;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Watches a campaign directory tree and calls back (on its own daemon thread) once a burst of changes
 * has settled, so the server can reload: GMs edit the files during a session, and the original re-read
 * them on every request. New subdirectories are registered as they appear.
 */
public final class CampaignWatcher implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(CampaignWatcher.class.getName());
    public static final Duration DEFAULT_DEBOUNCE = Duration.ofMillis(300);
    /** A never-ending stream of writes still triggers a reload this often. */
    private static final Duration MAX_DELAY = Duration.ofSeconds(1);

    private final WatchService watchService;
    private final Map<WatchKey, Path> directories = new HashMap<>();
    private final Runnable onChange;
    private final long debounceMillis;
    private final Thread thread;
    private volatile boolean running = true;

    public CampaignWatcher(Path root, Runnable onChange) throws IOException {
        this(root, DEFAULT_DEBOUNCE, onChange);
    }

    public CampaignWatcher(Path root, Duration debounce, Runnable onChange) throws IOException {
        this.onChange = onChange;
        this.debounceMillis = debounce.toMillis();
        this.watchService = FileSystems.getDefault().newWatchService();
        registerTree(root.toAbsolutePath().normalize());
        this.thread = new Thread(this::run, "campaign-watcher");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    private void registerTree(Path start) throws IOException {
        Files.walkFileTree(start, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                WatchKey key = dir.register(watchService, StandardWatchEventKinds.ENTRY_CREATE,
                        StandardWatchEventKinds.ENTRY_DELETE, StandardWatchEventKinds.ENTRY_MODIFY);
                synchronized (directories) {
                    directories.put(key, dir);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException exc) {
                return FileVisitResult.CONTINUE; // a folder vanished mid-walk: nothing to watch there
            }
        });
    }

    private void run() {
        try {
            while (running) {
                handle(watchService.take());
                // Debounce: wait until the folder has been quiet for debounceMillis (editors write in bursts).
                long deadline = System.nanoTime() + MAX_DELAY.toNanos();
                WatchKey next;
                while (System.nanoTime() < deadline
                        && (next = watchService.poll(debounceMillis, TimeUnit.MILLISECONDS)) != null) {
                    handle(next);
                }
                if (running) {
                    fire();
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void handle(WatchKey key) {
        Path dir;
        synchronized (directories) {
            dir = directories.get(key);
        }
        for (WatchEvent<?> event : key.pollEvents()) {
            if (dir != null && event.kind() == StandardWatchEventKinds.ENTRY_CREATE) {
                Path created = dir.resolve((Path) event.context());
                if (Files.isDirectory(created)) {
                    try {
                        registerTree(created);
                    } catch (IOException e) {
                        LOG.log(Level.FINE, "cannot watch new folder", e);
                    }
                }
            }
        }
        if (!key.reset()) {
            synchronized (directories) {
                directories.remove(key);
            }
        }
    }

    private void fire() {
        try {
            onChange.run();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "campaign reload callback failed", e);
        }
    }

    @Override
    public void close() {
        running = false;
        try {
            watchService.close();
        } catch (IOException e) {
            LOG.log(Level.FINE, "closing watch service", e);
        }
        thread.interrupt();
    }
}
