package charon.bench;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import charon.testsupport.Session;

/**
 * Frames per second of the BRIDGE star map (issue 18.6): each level at 1920x1080 in headless Chromium with WebGL in
 * software (SwiftShader), on a running server with the demo campaign. Not a test: run by hand against `bin/run`:
 * {@code java -cp <test class path> charon.bench.StarMapBench base=http://127.0.0.1:18481/ password=... seconds=10}.
 * Prints a Markdown table: frames per second over the window and the main thread's time per frame (the
 * scene update, the label layout and the WebGL calls; SwiftShader's rasterising runs in the GPU process).
 */
public final class StarMapBench {

    private StarMapBench() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = new java.util.HashMap<>();
        for (String arg : args) {
            a.put(arg.substring(0, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        String base = a.getOrDefault("base", "http://127.0.0.1:18481/");
        int seconds = Integer.parseInt(a.getOrDefault("seconds", "10"));
        Session gm = new Session(URI.create(base).resolve("api/"));
        gm.login("gm", a.get("password"));
        gm.ok("gm/switch-view/", "{\"view_type\":\"BRIDGE\"}");
        Path profile = Files.createTempDirectory("starmap-bench");
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--use-angle=swiftshader", "--enable-unsafe-swiftshader",
                "--ignore-gpu-blocklist", "--disable-dev-shm-usage", "--no-first-run", "--disable-background-networking",
                "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1", "--user-data-dir=" + profile, "--window-size=1920,1080");
        ChromeDriver d = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .usingAnyFreePort().build(), options);
        try {
          // the same browser on the 2D map (no WebGL): what frame rate the machine leaves any page, in the same run
          d.get(base + "terminal/?perf=1");
          gm.ok("gm/bridge/", "{\"tab\":\"MAP\",\"map_level\":\"GALAXY\",\"system_slug\":\"hesper\"}");
          new WebDriverWait(d, Duration.ofSeconds(60)).until(x -> "2d".equals(((JavascriptExecutor) x).executeScript(
                  "const e = document.querySelector('[data-testid=\"bridge-map\"]'); return e && e.dataset.level === 'GALAXY' ? e.dataset.renderer : null")));
          d.manage().timeouts().scriptTimeout(Duration.ofSeconds(seconds + 30));
          Object baseline = ((JavascriptExecutor) d).executeAsyncScript(
                  "const done = arguments[arguments.length - 1], ms = arguments[0] * 1000, t0 = performance.now(); let frames = 0;"
                  + " const tick = () => { frames++; if (performance.now() - t0 < ms) requestAnimationFrame(tick);"
                  + " else done(frames * 1000 / (performance.now() - t0)); }; requestAnimationFrame(tick);", seconds);
          System.out.printf("baseline: the 2D map (no WebGL) gets %.1f animation frames per second%n", ((Number) baseline).doubleValue());
          for (String mode : List.of("3d", "3d-half")) {
            d.get(base + "terminal/?perf=" + mode);
            System.out.println("resolution: " + (mode.equals("3d") ? "full (1920x1080 CSS px, pixel ratio 1)" : "half (pixel ratio 0.5)"));
            System.out.println("| level | fps | main thread per frame (ms) | frames |");
            System.out.println("|---|---|---|---|");
            for (String[] level : List.of(
                    new String[] {"galaxy", "{\"tab\":\"MAP\",\"map_level\":\"GALAXY\",\"system_slug\":\"hesper\"}"},
                    new String[] {"system", "{\"map_level\":\"SYSTEM\",\"system_slug\":\"hesper\",\"body_slug\":\"orrin\"}"},
                    new String[] {"orbit", "{\"map_level\":\"ORBIT\",\"system_slug\":\"hesper\",\"body_slug\":\"orrin\"}"})) {
                gm.ok("gm/bridge/", level[1]);
                String want = level[0].toUpperCase();
                new WebDriverWait(d, Duration.ofSeconds(60)).until(x -> want.equals(((JavascriptExecutor) x).executeScript(
                        "const e = document.querySelector('[data-testid=\"bridge-map\"]'); return e && e.dataset.renderer === 'webgl' ? e.dataset.level : null")));
                Thread.sleep(3000); // the camera's fly-in and the first frames
                d.manage().timeouts().scriptTimeout(Duration.ofSeconds(seconds + 30));
                @SuppressWarnings("unchecked")
                Map<String, Object> m = (Map<String, Object>) ((JavascriptExecutor) d).executeAsyncScript("""
                        const done = arguments[arguments.length - 1], ms = arguments[0] * 1000;
                        const e = document.querySelector('[data-testid="bridge-map"]');
                        const cpu = []; const t0 = performance.now(); let frames = 0;
                        const tick = () => { frames++; if (performance.now() - t0 < ms) requestAnimationFrame(tick);
                          else done({ fps: frames * 1000 / (performance.now() - t0), frames, cpu: cpu.reduce((s, v) => s + v, 0) / Math.max(1, cpu.length) }); };
                        const iv = setInterval(() => { if (e.dataset.cpuMs) cpu.push(parseFloat(e.dataset.cpuMs)); if (performance.now() - t0 >= ms) clearInterval(iv); }, 1000);
                        requestAnimationFrame(tick);""", seconds);
                System.out.printf("| %s | %.1f | %.2f | %s |%n", level[0], ((Number) m.get("fps")).doubleValue(),
                        ((Number) m.get("cpu")).doubleValue(), m.get("frames"));
            }
          }
        } finally {
            d.quit();
        }
    }
}
