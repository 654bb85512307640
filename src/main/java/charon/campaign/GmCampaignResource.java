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
import java.util.List;
import java.util.Map;

import charon.view.ActiveView;
import charon.view.ActiveViewStore;

/**
 * Campaign reads for the GM console: the location tree, the whole encounter maps, any terminal, the token gallery
 * and what failed to load.
 */
@RequestScoped
@Path("gm/")
@Produces(MediaType.APPLICATION_JSON)
public class GmCampaignResource {

    @Inject
    CurrentCampaign current;
    @Inject
    ActiveViewStore store;

    @GET
    @Path("locations/")
    public Map<String, Object> locations() {
        return current.get().locationsTreeJson();
    }

    /** §6.12 with every room, revealed or not: the console's preview (hidden rooms drawn as ghosts). */
    @GET
    @Path("encounter-map/{location}/")
    public Response encounterMap(@PathParam("location") String location, @QueryParam("deck_id") String deckId) {
        ActiveView view = store.current().view();
        return CampaignResource.answer(current.get().encounterMapJson(location, view.encounterRoomVisibility(),
                view.encounterLevel(), view.encounterDeckId(), deckId));
    }

    /** §6.13 with every room of every deck: the console's deck and room switches. */
    @GET
    @Path("encounter-map/{location}/all-decks/")
    public Response allDecks(@PathParam("location") String location) {
        ActiveView view = store.current().view();
        return CampaignResource.answer(current.get().encounterAllDecksJson(location, view.encounterRoomVisibility(),
                view.encounterDeckId()));
    }

    /** §8 for any terminal: the GM reads a terminal before showing it. */
    @GET
    @Path("terminal/{location}/{terminal}/")
    public Response terminal(@PathParam("location") String location, @PathParam("terminal") String terminal) {
        return CampaignResource.answer(current.get().terminalJson(location, terminal));
    }

    @GET
    @Path("encounter/token-images/")
    public Map<String, Object> tokenImages() {
        return current.get().tokenImagesJson();
    }

    @GET
    @Path("campaign/problems/")
    public Map<String, Object> problems() {
        List<Map<String, Object>> problems = current.get().problems().stream().map(p -> {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("file", p.file());
            json.put("line", p.line());
            json.put("message", p.message());
            return json;
        }).toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("campaign", current.isDemo() ? "demo" : current.root().getFileName().toString());
        body.put("problems", problems);
        return body;
    }
}
