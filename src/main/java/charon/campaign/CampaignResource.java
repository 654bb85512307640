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

import jakarta.json.JsonObject;

import java.util.Optional;

import charon.errors.NotFound;
import charon.view.ActiveView;
import charon.view.ActiveViewStore;
import charon.view.ViewType;

/**
 * The public read endpoints over the campaign (api-contract §2, §6.12, §6.13, §8, §12.4): what the displays may
 * see under the current state (see {@link PlayerViewData}); the GM's own reads are under {@code /api/gm/}.
 */
@RequestScoped
@Path("")
@Produces(MediaType.APPLICATION_JSON)
public class CampaignResource {

    @Inject
    CurrentCampaign current;
    @Inject
    ActiveViewStore store;
    @Inject
    PlayerViewData players;

    /**
     * The encounter map as the displays see it: only of the location an ENCOUNTER view shows now, with only its
     * revealed rooms (and their doors, POIs, terminals). Any other location answers 404 like an unknown one: which
     * locations have maps, and what is in them, is the GM's until shown. The GM's console reads
     * {@code /api/gm/encounter-map/...}.
     */
    @GET
    @Path("encounter-map/{location}/")
    public Response encounterMap(@PathParam("location") String location, @QueryParam("deck_id") String deckId) {
        ActiveView view = store.current().view();
        return document(shownMap(view, location)
                .map(map -> PlayerMapJson.map(map, view, deckId))
                .orElseThrow(PlayerMapJson::notShown));
    }

    @GET
    @Path("encounter-map/{location}/all-decks/")
    public Response allDecks(@PathParam("location") String location) {
        ActiveView view = store.current().view();
        return document(shownMap(view, location)
                .map(map -> PlayerMapJson.allDecks(map, view).json())
                .orElseThrow(PlayerMapJson::notShown));
    }

    private Optional<RevealedMap> shownMap(ActiveView view, String location) {
        PlayerViewData.Shown shown = players.shown(view);
        return shown.location().filter(l -> l.slug().equals(location)).flatMap(l -> shown.map());
    }

    /** A comm terminal's messages only while the GM shows that terminal on the displays (the overlay). */
    @GET
    @Path("terminal/{location}/{terminal}/")
    public TerminalDocument terminal(@PathParam("location") String location, @PathParam("terminal") String terminal) {
        ActiveView view = store.current().view();
        if (!view.overlayLocationSlug().equals(location) || !view.overlayTerminalSlug().equals(terminal)) {
            throw new NotFound("Terminal not found");
        }
        return current.get().terminalJson(location, terminal);
    }

    @GET
    @Path("ship-status/")
    public Response shipStatus() {
        return document(current.get().shipStatusJson(store.current().view().shipSystemOverrides()));
    }

    @GET
    @Path("star-map/")
    public Response starMap() {
        return document(current.get().starMapJson());
    }

    @GET
    @Path("system-map/{system}/")
    public Response systemMap(@PathParam("system") String system) {
        return document(current.get().systemMapJson(system));
    }

    @GET
    @Path("orbit-map/{system}/{body}/")
    public Response orbitMap(@PathParam("system") String system, @PathParam("body") String body) {
        return document(current.get().orbitMapJson(system, body));
    }

    /**
     * What the BRIDGE view shows besides the live state: crew, NPCs, session logs and the ship.
     * The original only embedded these in the page; here the display fetches them (and again after a reload).
     */
    @GET
    @Path("campaign/bridge/")
    public BridgeCampaign bridge() {
        ActiveView view = store.current().view();
        if (view.viewType() != ViewType.BRIDGE) {
            // the crew roster, NPCs and logs are shown with the BRIDGE view, not before
            throw new NotFound("Bridge not shown");
        }
        Campaign campaign = current.get();
        return new BridgeCampaign(campaign.title(),
                FreeForm.objects(GmOnly.forPlayers(campaign.crew())),
                FreeForm.objects(GmOnly.forPlayers(campaign.npcs())),
                campaign.playersSessionsJson(),
                campaign.shipStatus(view.shipSystemOverrides()).orElse(null),
                campaign.terminalPageStarSystems().stream().map(StarSystemLabel::json).toList());
    }

    /**
     * A campaign document: its shape is the contract's, its content largely the campaign's own YAML, so it leaves
     * the campaign as an immutable JSON-P object (see {@link FreeForm}).
     */
    static Response document(JsonObject document) {
        return Response.ok(document, MediaType.APPLICATION_JSON_TYPE).build();
    }
}
