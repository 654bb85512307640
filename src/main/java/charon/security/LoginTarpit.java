package charon.security;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.AsyncResponse;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Holds back the refusal of a throttled login for {@link #DELAY} before sending it, without holding a thread.
 * A guessing script waits for each answer: answered at once, sixty of them made ~3,500 refusals a second, whose
 * CPU the GM's own password check at the laptop then lacked (2.3 s instead of half a second). Held back, each
 * guesser gets one answer per {@link #DELAY}. The connections stay open meanwhile, bounded per address by the
 * connector ({@code maxConnectionsPerAddress}), and here by {@link #MAX_HELD}, beyond which refusals go at once.
 */
@ApplicationScoped
public class LoginTarpit {

    static final Duration DELAY = Duration.ofSeconds(2);
    static final int MAX_HELD = 4_096;

    private final AtomicInteger held = new AtomicInteger();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "charon-login-tarpit");
        thread.setDaemon(true);
        return thread;
    });

    /** Answers with {@code refusal} (mapped like any refusal) after {@link #DELAY}, at once when too many are held. */
    public void refuseLater(AsyncResponse async, RuntimeException refusal) {
        if (held.incrementAndGet() > MAX_HELD) {
            held.decrementAndGet();
            async.resume(refusal);
            return;
        }
        timer.schedule(() -> {
            held.decrementAndGet();
            async.resume(refusal);
        }, DELAY.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** At undeploy the held refusals go out at once rather than as dropped connections. */
    @PreDestroy
    void sendHeldRefusals() {
        List<Runnable> pending = timer.shutdownNow();
        for (Runnable refusal : pending) {
            try {
                refusal.run();
            } catch (RuntimeException connectionAlreadyGone) {
                // the client went away; nothing to answer
            }
        }
    }
}
