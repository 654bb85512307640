package charon.testsupport;

import org.openqa.selenium.chrome.ChromeDriver;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Chromium's own counters of what a page's main thread did (DevTools Protocol {@code Performance.getMetrics}): the time
 * in tasks, in scripts, in layout and in style recalculation, and how many layouts and style recalculations ran. Taken
 * before and after a stretch of work, the difference says what the page spent it on, which the renderer's CPU time
 * alone cannot. (For reporting only; timings are never asserted.)
 */
public final class PageMetrics {

    /** The counters reported, in this order; the durations are in seconds. */
    private static final List<String> NAMES = List.of("TaskDuration", "ScriptDuration", "LayoutDuration", "RecalcStyleDuration",
            "LayoutCount", "RecalcStyleCount");

    private final Map<String, Double> values;

    private PageMetrics(Map<String, Double> values) {
        this.values = values;
    }

    /** Starts Chromium's collection of the counters on this page (cheap: counters Blink keeps anyway). */
    public static void enable(ChromeDriver page) {
        page.executeCdpCommand("Performance.enable", Map.of());
    }

    public static PageMetrics of(ChromeDriver page) {
        Map<String, Double> values = new LinkedHashMap<>();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> metrics = (List<Map<String, Object>>) page.executeCdpCommand("Performance.getMetrics", Map.of())
                .get("metrics");
        for (Map<String, Object> metric : metrics) {
            values.put((String) metric.get("name"), ((Number) metric.get("value")).doubleValue());
        }
        return new PageMetrics(values);
    }

    /** How much the counter {@code name} grew since {@code before}. */
    public double delta(PageMetrics before, String name) {
        return values.getOrDefault(name, 0.0) - before.values.getOrDefault(name, 0.0);
    }

    /**
     * What happened since {@code before}, per {@code events}: durations in ms, counts as they are, e.g.
     * "TaskDuration 12.3 ms, ScriptDuration 1.2 ms, ..., RecalcStyleCount 2.0".
     */
    public String since(PageMetrics before, int events) {
        StringBuilder out = new StringBuilder();
        for (String name : NAMES) {
            double delta = delta(before, name) / events;
            if (!out.isEmpty()) {
                out.append(", ");
            }
            out.append(name.endsWith("Duration")
                    ? String.format(Locale.ROOT, "%s %.2f ms", name, delta * 1000)
                    : String.format(Locale.ROOT, "%s %.1f", name, delta));
        }
        return out.toString();
    }
}
