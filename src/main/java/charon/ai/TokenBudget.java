package charon.ai;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Properties;
import java.util.logging.Logger;

import charon.config.CharonConfig;

/**
 * The tokens drafts used today (UTC), against the daily cap. Kept in the data folder
 * ({@code charon-ai-usage.properties}: a date and a count, nothing else), so a restart does not reset the cap.
 */
@ApplicationScoped
public class TokenBudget {

    private static final Logger LOG = Logger.getLogger(TokenBudget.class.getName());

    @Inject
    CharonConfig config;

    private LocalDate day;
    private long used;

    synchronized long usedToday() {
        roll();
        return used;
    }

    synchronized boolean exhausted(long cap) {
        return cap > 0 && usedToday() >= cap;
    }

    synchronized void add(long tokens) {
        roll();
        used += Math.max(0, tokens);
        Properties p = new Properties();
        p.setProperty("date", day.toString());
        p.setProperty("tokens", Long.toString(used));
        try (OutputStream out = Files.newOutputStream(file())) {
            p.store(out, "CHARON drafts: tokens used on this day (UTC)");
        } catch (IOException e) {
            LOG.warning("Token count not saved: " + e.getMessage());
        }
    }

    private void roll() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        if (day == null) {
            day = today;
            Properties p = new Properties();
            if (Files.isRegularFile(file())) {
                try (InputStream in = Files.newInputStream(file())) {
                    p.load(in);
                    if (today.toString().equals(p.getProperty("date"))) {
                        used = Long.parseLong(p.getProperty("tokens", "0"));
                    }
                } catch (IOException | NumberFormatException e) {
                    LOG.warning("Token count unreadable, starting at 0: " + e.getMessage());
                }
            }
        }
        if (!today.equals(day)) {
            day = today;
            used = 0;
        }
    }

    private Path file() {
        return config.home().resolve("charon-ai-usage.properties");
    }
}
