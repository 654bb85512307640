package charon.gm;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.LinkedHashMap;
import java.util.Map;

import charon.json.JsonBody;
import charon.view.VersionedView;

import static charon.json.Answers.success;

/** {@code POST /api/gm/bridge/}: the GM chooses what the BRIDGE shows on every display. Thin: parse, command, answer. */
@RequestScoped
@Path("gm/")
@Produces(MediaType.APPLICATION_JSON)
@Consumes({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN, MediaType.WILDCARD})
public class GmBridgeResource {

    @Inject
    BridgeCommands commands;

    @POST
    @Path("bridge/")
    public Map<String, Object> choose(String raw) {
        VersionedView chosen = commands.choose(JsonBody.parse(raw));
        Map<String, Object> body = new LinkedHashMap<>(success("version", chosen.version()));
        body.put("bridge", chosen.bridge());
        return body;
    }
}
