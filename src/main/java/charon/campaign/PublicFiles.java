package charon.campaign;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;

import java.io.StringReader;
import java.util.Collection;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import charon.view.ActiveViewPayloads;
import charon.view.ActiveViewStore;
import charon.view.SerializedPayload;
import charon.view.ViewType;

/**
 * Which campaign files (images and sounds) a player's device may fetch from {@code /data/}: those a public response names. That is
 * the players' payload of the newest state (portraits the GM shows, token pictures, the picture of a map drawn as
 * one image), the ship and the star, system and orbit maps, and while the BRIDGE is shown its roster and logs (crew,
 * NPCs not marked GM-only, session logs). Anything else (a GM-only NPC's portrait, the picture of a map revealed room by room, a handout
 * not handed out) answers 404 to players, whatever its name; the GM's console reads every image.
 */
@ApplicationScoped
public class PublicFiles {

    @Inject
    CurrentCampaign current;
    @Inject
    ActiveViewPayloads payloads;
    @Inject
    ActiveViewStore store;

    private record Named(Object source, Set<String> images) {
    }

    /** What the campaign's public reads name: those always served, and those of the bridge (while it is shown). */
    private record CampaignImages(Campaign source, Set<String> always, Set<String> bridge) {
    }

    private volatile CampaignImages byCampaign = new CampaignImages(null, Set.of(), Set.of());
    private volatile Named byPayload = new Named(null, Set.of());

    /** Whether a path under {@code /data/} (as the pages request it) is named by something players are shown now. */
    public boolean shownToPlayers(String relativePath) {
        String wanted = normalized(relativePath);
        CampaignImages campaign = campaignImages();
        return campaign.always().contains(wanted) || payloadImages().contains(wanted)
                || (store.current().view().viewType() == ViewType.BRIDGE && campaign.bridge().contains(wanted));
    }

    /** Like the reads that name them: ship status and the galaxy maps answer always; crew, NPCs and logs with the BRIDGE. */
    private CampaignImages campaignImages() {
        Campaign campaign = current.get();
        CampaignImages named = byCampaign;
        if (named.source() != campaign) {
            Set<String> always = new HashSet<>();
            campaign.ship().map(GmOnly::strip).ifPresent(ship -> collect(ship, always));
            campaign.starMap().ifPresent(map -> collect(map, always));
            collect(campaign.systemAndOrbitMaps(), always);
            Set<String> bridge = new HashSet<>();
            collect(GmOnly.forPlayers(campaign.crew()), bridge);
            collect(GmOnly.forPlayers(campaign.npcs()), bridge);
            campaign.playersSessionsJson().forEach(log -> collectJson(log, bridge));
            named = new CampaignImages(campaign, Set.copyOf(always), Set.copyOf(bridge));
            byCampaign = named;
        }
        return named;
    }

    private Set<String> payloadImages() {
        SerializedPayload latest = payloads.latest();
        Named named = byPayload;
        if (named.source() != latest) {
            Set<String> images = new HashSet<>();
            try (JsonReader reader = charon.json.Json.jsonP().createReader(new StringReader(latest.json()))) {
                collectJson(reader.read(), images);
            }
            named = new Named(latest, Set.copyOf(images));
            byPayload = named;
        }
        return named.images();
    }

    private static void collect(Object value, Set<String> images) {
        if (value instanceof Map<?, ?> map) {
            map.values().forEach(v -> collect(v, images));
        } else if (value instanceof Collection<?> list) {
            list.forEach(v -> collect(v, images));
        } else if (value instanceof String text && isImage(text)) {
            images.add(normalized(text));
        }
    }

    private static void collectJson(JsonValue value, Set<String> images) {
        if (value instanceof JsonStructure && value.getValueType() == JsonValue.ValueType.OBJECT) {
            value.asJsonObject().values().forEach(v -> collectJson(v, images));
        } else if (value instanceof JsonStructure) {
            value.asJsonArray().forEach(v -> collectJson(v, images));
        } else if (value instanceof JsonString text && isImage(text.getString())) {
            images.add(normalized(text.getString()));
        }
    }

    private static boolean isImage(String text) {
        int dot = text.lastIndexOf('.');
        return dot > 0 && CampaignImageServlet.SERVED_TYPES.containsKey(text.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    /** The same forms the pages accept ({@code /data/x.png}, {@code data/x.png}, {@code x.png}: api.js dataUrl). */
    static String normalized(String path) {
        String p = path.replace('\\', '/');
        while (p.startsWith("/")) {
            p = p.substring(1);
        }
        return p.startsWith("data/") ? p.substring("data/".length()) : p;
    }
}
