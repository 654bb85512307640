package charon.campaign;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.LinkedHashMap;
import java.util.Map;

import charon.view.ActiveView;
import charon.view.ActiveViewStore;
import charon.view.ShipSystemOverride;

/** The public read endpoints over the campaign (api-contract §2, §6.12, §6.13, §8, §12.4). */
@RequestScoped
@Path("")
@Produces(MediaType.APPLICATION_JSON)
public class CampaignResource {

    @Inject
    CurrentCampaign current;
    @Inject
    ActiveViewStore store;

    @GET
    @Path("encounter-map/{location}/")
    public Response encounterMap(@PathParam("location") String location, @QueryParam("deck_id") String deckId) {
        ActiveView view = store.current().view();
        return answer(current.get().encounterMapJson(location, view.encounterRoomVisibility(),
                view.encounterLevel(), view.encounterDeckId(), deckId));
    }

    @GET
    @Path("encounter-map/{location}/all-decks/")
    public Response allDecks(@PathParam("location") String location) {
        ActiveView view = store.current().view();
        return answer(current.get().encounterAllDecksJson(location, view.encounterRoomVisibility(), view.encounterDeckId()));
    }

    @GET
    @Path("terminal/{location}/{terminal}/")
    public Response terminal(@PathParam("location") String location, @PathParam("terminal") String terminal) {
        return answer(current.get().terminalJson(location, terminal));
    }

    @GET
    @Path("ship-status/")
    public Response shipStatus() {
        return answer(current.get().shipStatusJson(overrides(store.current().view())));
    }

    @GET
    @Path("star-map/")
    public Response starMap() {
        return answer(current.get().starMapJson());
    }

    @GET
    @Path("system-map/{system}/")
    public Response systemMap(@PathParam("system") String system) {
        return answer(current.get().systemMapJson(system));
    }

    @GET
    @Path("orbit-map/{system}/{body}/")
    public Response orbitMap(@PathParam("system") String system, @PathParam("body") String body) {
        return answer(current.get().orbitMapJson(system, body));
    }

    /**
     * What the BRIDGE view shows besides the live state: crew, NPCs, session logs and the ship.
     * The original only embedded these in the page; here the display fetches them (and again after a reload).
     */
    @GET
    @Path("campaign/bridge/")
    public Map<String, Object> bridge() {
        Campaign campaign = current.get();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("campaign_title", campaign.title());
        body.put("crew", campaign.crew());
        body.put("npcs", campaign.npcs());
        body.put("sessions", campaign.sessionsJson());
        body.put("ship", campaign.shipStatus(overrides(store.current().view())).orElse(null));
        body.put("star_systems", campaign.terminalPageStarSystems());
        return body;
    }

    static Map<String, Map<String, Object>> overrides(ActiveView view) {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        view.shipSystemOverrides().forEach((system, override) -> out.put(system, asMap(override)));
        return out;
    }

    private static Map<String, Object> asMap(ShipSystemOverride override) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("status", override.status());
        if (override.condition() != null) {
            map.put("condition", override.condition());
        }
        if (override.info() != null) {
            map.put("info", override.info());
        }
        return map;
    }

    static Response answer(JsonResponse response) {
        return Response.status(response.status()).entity(response.body()).type(MediaType.APPLICATION_JSON_TYPE).build();
    }
}
