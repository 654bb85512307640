package charon.push;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import charon.security.ClientAddresses;

/**
 * The display streams each LAN address holds, oldest first, and the limit on them: a new stream over the
 * limit replaces the address's oldest, which stops counting at once (so joins racing each other never pick the
 * same one). The server's own machine is not limited.
 */
final class StreamsPerDevice<S> {

    private final int max;
    private final Map<String, Set<S>> byAddress = new HashMap<>();
    private final Map<S, String> addressOf = new HashMap<>();

    /** @param max streams per address, 0 for no limit */
    StreamsPerDevice(int max) {
        this.max = max;
    }

    /** Streams an address may hold, 0 for no limit. */
    int max() {
        return max;
    }

    /** Counts a new stream; returns the streams of its address that it replaces, for the caller to end. */
    synchronized List<S> add(String address, S stream) {
        if (max == 0 || ClientAddresses.isServerMachine(address)) {
            return List.of();
        }
        Set<S> streams = byAddress.computeIfAbsent(address, a -> new LinkedHashSet<>());
        streams.add(stream);
        addressOf.put(stream, address);
        List<S> replaced = new ArrayList<>();
        for (Iterator<S> oldest = streams.iterator(); streams.size() > max; ) {
            S stream0 = oldest.next();
            oldest.remove();
            addressOf.remove(stream0);
            replaced.add(stream0);
        }
        return replaced;
    }

    /** A stream ended (any way); it no longer counts. */
    synchronized void remove(S stream) {
        String address = addressOf.remove(stream);
        if (address == null) {
            return;
        }
        Set<S> streams = byAddress.get(address);
        streams.remove(stream);
        if (streams.isEmpty()) {
            byAddress.remove(address);
        }
    }

    /** Streams counted against an address. */
    synchronized int count(String address) {
        Set<S> streams = byAddress.get(address);
        return streams == null ? 0 : streams.size();
    }
}
