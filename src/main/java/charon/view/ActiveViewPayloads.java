package charon.view;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

import charon.json.Json;

/**
 * Builds and serializes the payload once per state version and keeps the latest one, so that
 * {@code GET /api/active-view/} and every SSE stream share the same bytes.
 */
@ApplicationScoped
public class ActiveViewPayloads {

    private static final Logger LOG = Logger.getLogger(ActiveViewPayloads.class.getName());

    @Inject
    ActiveViewStore store;
    @Inject
    Instance<DerivedViewData> derivedData;
    @Inject
    Event<PayloadPublished> published;

    private volatile SerializedPayload latest;

    /** The payload of the newest state. */
    public SerializedPayload latest() {
        SerializedPayload payload = latest;
        if (payload == null) {
            synchronized (this) {
                if (latest == null) {
                    latest = serialize(store.current());
                }
                payload = latest;
            }
        }
        return payload;
    }

    /** Runs inside the store's write lock, so payloads are published strictly in version order. */
    void onChange(@Observes ActiveViewChanged change) {
        SerializedPayload payload = serialize(change.current());
        synchronized (this) {
            latest = payload;
        }
        published.fire(new PayloadPublished(payload));
    }

    /** Pushes a new version when derived data changed under the current state in a way displays can see. */
    void onDerivedDataChanged(@Observes DerivedDataChanged changed) {
        VersionedView current = store.current();
        if (!serialize(current).json().equals(latest().json())) {
            LOG.info("Displays refreshed: " + changed.reason());
            store.touch();
        }
    }

    SerializedPayload serialize(VersionedView versioned) {
        return new SerializedPayload(versioned.version(), Json.write(build(versioned.view())));
    }

    public ActiveViewPayload build(ActiveView state) {
        return new ActiveViewPayload(state, derive(state));
    }

    private Map<String, Object> derive(ActiveView state) {
        if (derivedData.isUnsatisfied()) {
            return Map.of("encounter_npc_data", Map.of());
        }
        try {
            return derivedData.get().derive(state);
        } catch (RuntimeException e) {
            // A campaign bug must never stop the displays from getting the state itself.
            LOG.log(Level.SEVERE, "Could not derive campaign data for the payload; sending the state alone", e);
            return Map.of("encounter_npc_data", Map.of());
        }
    }
}
