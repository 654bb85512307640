package charon.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The main threads of one Chromium's renderer processes, read from Linux's {@code /proc/<pid>/task/<pid>/schedstat}:
 * nanoseconds spent on a CPU and nanoseconds spent ready but waiting for one. A Performance measure in the page is wall
 * time: on a loaded machine it also counts the time the renderer waited for a core, which the second figure shows.
 * (For reporting only; timings are never asserted.)
 */
public final class RendererCpu {

    private final List<Path> mainThreads;

    private RendererCpu(List<Path> mainThreads) {
        this.mainThreads = mainThreads;
    }

    /** The renderers under the browser process {@code browserPid} (ChromeDriver's {@code goog:processID}). */
    public static RendererCpu under(long browserPid) throws IOException {
        Map<Long, Long> parents = new HashMap<>();
        try (var procs = Files.list(Path.of("/proc"))) {
            for (Path proc : procs.toList()) {
                String name = proc.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                try {
                    String stat = Files.readString(proc.resolve("stat"));
                    String[] after = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    parents.put(Long.parseLong(name), Long.parseLong(after[1]));
                } catch (IOException | RuntimeException gone) {
                    // ended meanwhile
                }
            }
        }
        List<Path> threads = new ArrayList<>();
        for (long pid : parents.keySet()) {
            if (descends(pid, browserPid, parents) && isRenderer(pid)) {
                threads.add(Path.of("/proc", String.valueOf(pid), "task", String.valueOf(pid), "schedstat"));
            }
        }
        return new RendererCpu(threads);
    }

    private static boolean descends(long pid, long ancestor, Map<Long, Long> parents) {
        for (int depth = 0; depth < 16 && pid > 1; depth++) {
            Long parent = parents.get(pid);
            if (parent == null) {
                return false;
            }
            if (parent == ancestor) {
                return true;
            }
            pid = parent;
        }
        return false;
    }

    private static boolean isRenderer(long pid) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc", String.valueOf(pid), "cmdline"))).contains("--type=renderer");
        } catch (IOException gone) {
            return false;
        }
    }

    /** For each renderer's main thread: {on-CPU ns, waiting-for-a-CPU ns} so far. */
    public long[][] sample() {
        long[][] out = new long[mainThreads.size()][2];
        for (int i = 0; i < mainThreads.size(); i++) {
            try {
                String[] f = Files.readString(mainThreads.get(i)).trim().split(" ");
                out[i][0] = Long.parseLong(f[0]);
                out[i][1] = Long.parseLong(f[1]);
            } catch (IOException | RuntimeException gone) {
                // a renderer that ended counts nothing more
            }
        }
        return out;
    }

    public int renderers() {
        return mainThreads.size();
    }
}
