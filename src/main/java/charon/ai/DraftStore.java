package charon.ai;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The pending drafts per channel, in memory like the original's cache entries (a restart drops them; the queries
 * stay in the conversation). Every change is announced as a {@link DraftChanged}, in order, for the GM's stream.
 */
@ApplicationScoped
public class DraftStore {

    /** A flood of queries on one channel gets drafts refused rather than billed. */
    static final int MAX_PENDING_PER_CHANNEL = 20;

    @Inject
    Event<DraftChanged> changed;

    private final Map<String, Map<String, Draft>> channels = new LinkedHashMap<>();
    /** Counts every change: the console ignores a draft older than one it has drawn (or removed). */
    private long revision;

    synchronized boolean hasRoom(String channel) {
        return channels.getOrDefault(channel, Map.of()).size() < MAX_PENDING_PER_CHANNEL;
    }

    synchronized Draft add(Draft added) {
        Draft draft = added.revised(++revision);
        channels.computeIfAbsent(draft.channel(), c -> new LinkedHashMap<>()).put(draft.pendingId(), draft);
        changed.fire(new DraftChanged(draft.listed(), false));
        return draft;
    }

    /** Applies {@code change} to the draft if it is still pending; empty when it was removed meanwhile. */
    synchronized Optional<Draft> update(String channel, String pendingId, UnaryOperator<Draft> change) {
        Map<String, Draft> pending = channels.get(channel);
        Draft old = pending == null ? null : pending.get(pendingId);
        if (old == null) {
            return Optional.empty();
        }
        Draft updated = change.apply(old).revised(++revision);
        pending.put(pendingId, updated);
        changed.fire(new DraftChanged(updated.listed(), false));
        return Optional.of(updated);
    }

    synchronized Draft get(String channel, String pendingId) {
        Draft draft = channels.getOrDefault(channel, Map.of()).get(pendingId);
        if (draft == null) {
            throw new charon.errors.NotFound("Pending response not found");
        }
        return draft;
    }

    synchronized Draft remove(String channel, String pendingId) {
        Map<String, Draft> pending = channels.get(channel);
        Draft removed = pending == null ? null : pending.remove(pendingId);
        if (removed == null) {
            throw new charon.errors.NotFound("Pending response not found");
        }
        changed.fire(new DraftChanged(removed.revised(++revision).listed(), true));
        return removed;
    }

    synchronized List<Draft> clear(String channel) {
        Map<String, Draft> pending = channels.remove(channel);
        List<Draft> removed = pending == null ? List.of() : List.copyOf(pending.values());
        removed.forEach(d -> changed.fire(new DraftChanged(d.revised(++revision).listed(), true)));
        return removed;
    }

    synchronized List<Draft> list(String channel) {
        return channels.getOrDefault(channel, Map.of()).values().stream().map(Draft::listed).toList();
    }

    synchronized List<Draft> all() {
        List<Draft> all = new ArrayList<>();
        channels.values().forEach(p -> p.values().forEach(d -> all.add(d.listed())));
        return all;
    }
}
