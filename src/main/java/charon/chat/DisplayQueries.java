package charon.chat;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Duration;

import charon.errors.TooManyRequests;
import charon.security.ClientAddresses;
import charon.view.ActiveViewStore;

/**
 * What a display may ask CHARON. Only on the channel the GM's view has open ({@code charon_active_channel}:
 * story, bridge or encounter-&lt;location&gt;), so no device on the LAN can make channels of its own (196
 * made-up channel names used to fill the channel limit, in SQLite, for good, and then the GM's own answers
 * were refused). And at most {@value #BURST} queries at once per device, then one every {@link #EVERY}, so a
 * script cannot flood the conversation and every display with it. The server's own machine is not limited.
 */
@ApplicationScoped
public class DisplayQueries {

    static final int BURST = 5;
    static final Duration EVERY = Duration.ofSeconds(2);

    @Inject
    ActiveViewStore view;

    private final SubmitRate rate = new SubmitRate(Clock.systemUTC(), BURST, EVERY);

    /** Refuses the query (429, 403) unless the device is within its rate and the channel is the one open. */
    public void admit(String channel, String clientAddress) {
        withinRate(clientAddress);
        String open = view.current().view().charonActiveChannel();
        if (!open.equals(channel)) {
            throw new charon.errors.Forbidden("CHARON takes queries on the channel the GM has open (" + open + ") only");
        }
    }

    /** Counts a query against its device's rate (the legacy endpoint's "default" channel is open in QUERY mode). */
    public void withinRate(String clientAddress) {
        if (!ClientAddresses.isServerMachine(clientAddress)) {
            rate.take(clientAddress).ifPresent(wait -> {
                throw new TooManyRequests("Too many CHARON queries from this device; try again in "
                        + Math.max(1, (wait.toMillis() + 999) / 1000) + " s", wait);
            });
        }
    }
}
