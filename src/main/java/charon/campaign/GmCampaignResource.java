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

    /** The token gallery: [{id, name, type, url, source}]. */
    public record TokenImages(List<TokenImage> images) {
    }

    @jakarta.json.bind.annotation.JsonbNillable
    public record Problem(String file, Integer line, String message) {
    }

    public record Problems(String campaign, List<Problem> problems) {
    }

    @GET
    @Path("locations/")
    public LocationTree locations() {
        return current.get().locationsTreeJson();
    }

    /** §6.12 with every room, revealed or not: the console's preview (hidden rooms drawn as ghosts). */
    @GET
    @Path("encounter-map/{location}/")
    public Response encounterMap(@PathParam("location") String location, @QueryParam("deck_id") String deckId) {
        ActiveView view = store.current().view();
        return CampaignResource.document(current.get().encounterMapJson(location, view.encounterRoomVisibility(),
                view.encounterLevel(), view.encounterDeckId(), deckId));
    }

    /** §6.13 with every room of every deck: the console's deck and room switches. */
    @GET
    @Path("encounter-map/{location}/all-decks/")
    public Response allDecks(@PathParam("location") String location) {
        ActiveView view = store.current().view();
        return CampaignResource.document(current.get().encounterAllDecksJson(location, view.encounterRoomVisibility(),
                view.encounterDeckId()));
    }

    /** §8 for any terminal: the GM reads a terminal before showing it. */
    @GET
    @Path("terminal/{location}/{terminal}/")
    public TerminalDocument terminal(@PathParam("location") String location, @PathParam("terminal") String terminal) {
        return current.get().terminalJson(location, terminal);
    }

    @GET
    @Path("encounter/token-images/")
    public TokenImages tokenImages() {
        return new TokenImages(current.get().tokenImages());
    }

    @GET
    @Path("campaign/problems/")
    public Problems problems() {
        return new Problems(current.isDemo() ? "demo" : current.root().getFileName().toString(),
                current.get().problems().stream().map(p -> new Problem(p.file(), p.line(), p.message())).toList());
    }
}
