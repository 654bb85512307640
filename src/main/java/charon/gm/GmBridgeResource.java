package charon.gm;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import charon.json.JsonRequest;
import charon.view.BridgeView;
import charon.view.VersionedView;

/** {@code POST /api/gm/bridge/}: the GM chooses what the BRIDGE shows on every display. Thin: read, command, answer. */
@RequestScoped
@Path("gm/")
@Produces(MediaType.APPLICATION_JSON)
public class GmBridgeResource {

    /** The fields the GM changes; absent ones stay as they are (see {@link BridgeCommands#choose}). */
    @JsonRequest
    public record BridgeChoice(String tab, String mapLevel, String systemSlug, String bodySlug, String selected,
                               String person, String log) {
    }

    public record BridgeChosen(boolean success, long version, BridgeView bridge) {
    }

    @Inject
    BridgeCommands commands;

    @POST
    @Path("bridge/")
    public BridgeChosen choose(BridgeChoice body) {
        VersionedView chosen = commands.choose(body);
        return new BridgeChosen(true, chosen.version(), chosen.bridge());
    }
}
