package charon.ai;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import charon.json.Json;

/**
 * The GM's live view of drafts as they are written: every {@link DraftChanged} (and connection test) goes, as a
 * named SSE event, to the consoles subscribed here, never to a display. Sent from one thread of its own, so a
 * model's stream or a store change never waits for a console's network.
 */
@ApplicationScoped
public class GmDraftStream {

    private record Subscriber(SseEventSink sink, Sse sse) {
    }

    private final Set<Subscriber> subscribers = ConcurrentHashMap.newKeySet();
    private final ExecutorService sender = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "charon-gm-drafts");
        thread.setDaemon(true);
        return thread;
    });

    void join(SseEventSink sink, Sse sse, List<Draft> pending) {
        Subscriber subscriber = new Subscriber(sink, sse);
        sender.execute(() -> {
            subscribers.add(subscriber);
            send(subscriber, "drafts", Json.write(Map.of("pending", pending)));
        });
    }

    /** The {@code draft} event's data: a draft written or changed, or removed (then {@code removed} is true). */
    @JsonbPropertyOrder({"removed", "draft"})
    public record DraftEvent(boolean removed, Draft draft) {
    }

    void draftChanged(@Observes DraftChanged changed) {
        String json = Json.write(new DraftEvent(changed.removed(), changed.draft()));
        sender.execute(() -> subscribers.forEach(s -> send(s, "draft", json)));
    }

    void connectionChecked(@Observes ConnectionCheck check) {
        String json = Json.write(check);
        sender.execute(() -> subscribers.forEach(s -> send(s, "ai-test", json)));
    }

    private void send(Subscriber subscriber, String name, String json) {
        if (subscriber.sink().isClosed()) {
            subscribers.remove(subscriber);
            return;
        }
        OutboundSseEvent event = subscriber.sse().newEventBuilder().name(name).mediaType(MediaType.TEXT_PLAIN_TYPE).data(json).build();
        subscriber.sink().send(event).whenComplete((ok, error) -> {
            if (error != null) {
                subscribers.remove(subscriber);
                close(subscriber.sink());
            }
        });
    }

    @PreDestroy
    void stop() {
        sender.shutdownNow();
        subscribers.forEach(s -> close(s.sink()));
    }

    private static void close(SseEventSink sink) {
        try {
            sink.close();
        } catch (java.io.IOException | RuntimeException e) {
            // the console went away; nothing more to tell it
        }
    }
}
