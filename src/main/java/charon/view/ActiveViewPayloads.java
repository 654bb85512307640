package charon.view;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

import charon.json.Json;

/**
 * Builds and serializes the payloads once per state version, one per {@link Audience}, and keeps the latest
 * ones, so that {@code GET /api/active-view/} and every display stream share the players' bytes and the GM's
 * console endpoints the GM's. The players' projection is computed here, once per change, never per display.
 */
@ApplicationScoped
public class ActiveViewPayloads {

    private static final Logger LOG = Logger.getLogger(ActiveViewPayloads.class.getName());

    @Inject
    ActiveViewStore store;
    @Inject
    Instance<DerivedViewData> derivedData;
    @Inject
    Instance<PlayerProjection> projection;
    @Inject
    Instance<BridgeProjection> bridgeProjection;
    @Inject
    Event<PayloadPublished> published;

    private volatile AudiencePayloads latest;
    /** How many players' projections were built: one per version (tests compare it with the displays served). */
    private final AtomicLong projectionsBuilt = new AtomicLong();

    /** The players' payload of the newest state (what every public reader gets). */
    public SerializedPayload latest() {
        return latestPayloads().players();
    }

    /** The payload of the newest state for one audience. */
    public SerializedPayload latest(Audience audience) {
        return latestPayloads().of(audience);
    }

    /** Both payloads of the newest state. */
    public AudiencePayloads latestPayloads() {
        AudiencePayloads payloads = latest;
        if (payloads == null) {
            synchronized (this) {
                if (latest == null) {
                    latest = serialize(store.current());
                }
                payloads = latest;
            }
        }
        return payloads;
    }

    /** Players' projections built since start. */
    public long projectionsBuilt() {
        return projectionsBuilt.get();
    }

    /** Runs inside the store's write lock, so payloads are published strictly in version order. */
    void onChange(@Observes ActiveViewChanged change) {
        AudiencePayloads payloads = serialize(change.current());
        synchronized (this) {
            latest = payloads;
        }
        published.fire(new PayloadPublished(payloads));
    }

    /** Pushes a new version when derived data changed under the current state in a way anyone can see. */
    void onDerivedDataChanged(@Observes DerivedDataChanged changed) {
        VersionedView current = store.current();
        AudiencePayloads now = serialize(current);
        AudiencePayloads before = latestPayloads();
        if (!now.gm().json().equals(before.gm().json()) || !now.players().json().equals(before.players().json())) {
            LOG.info("Displays refreshed: " + changed.reason());
            store.touch();
        }
    }

    AudiencePayloads serialize(VersionedView versioned) {
        ActiveView state = versioned.view();
        SoundState sound = versioned.sound();
        SerializedPayload gm = new SerializedPayload(versioned.version(), Json.write(withTableKeys(
                build(state), versioned.bridge(), sound.payload(state.viewType(), true))));
        SerializedPayload players = new SerializedPayload(versioned.version(), Json.write(withTableKeys(
                buildForPlayers(state), bridgeForPlayers(state, versioned.bridge()), sound.payload(state.viewType(), false))));
        return new AudiencePayloads(players, gm);
    }

    /**
     * The payload with the keys the table adds to the 16 fields, in one copy: the bridge the GM chose
     * ({@code bridge}, issue 17.4) and the table's sound ({@code sound}).
     */
    private static ActiveViewPayload withTableKeys(ActiveViewPayload payload, BridgeView bridge, Record sound) {
        Map<String, Object> derived = new java.util.LinkedHashMap<>(payload.derived());
        derived.put("bridge", bridge);
        derived.put("sound", sound);
        return new ActiveViewPayload(payload.state(), derived);
    }

    private BridgeView bridgeForPlayers(ActiveView state, BridgeView bridge) {
        if (bridgeProjection.isUnsatisfied()) {
            return BridgeProjection.withoutCampaign(bridge);
        }
        try {
            return bridgeProjection.get().forPlayers(state, bridge);
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Could not project the bridge for players; sending its star map part alone", e);
            return BridgeProjection.withoutCampaign(bridge);
        }
    }

    /** The GM's payload: the whole state with everything the campaign adds. */
    public ActiveViewPayload build(ActiveView state) {
        return new ActiveViewPayload(state, derive(state));
    }

    /** The players' payload; if the campaign cannot build it, the state's own safe part alone. */
    public ActiveViewPayload buildForPlayers(ActiveView state) {
        projectionsBuilt.incrementAndGet();
        if (projection.isUnsatisfied()) {
            return PlayerState.withoutCampaign(state);
        }
        try {
            return projection.get().forPlayers(state);
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Could not build the players' view from the campaign; sending the state's revealed part alone", e);
            return PlayerState.withoutCampaign(state);
        }
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
