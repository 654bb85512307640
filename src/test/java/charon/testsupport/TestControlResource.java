package charon.testsupport;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

import charon.push.DisplayStreams;
import charon.view.ActiveViewStore;
import charon.view.Token;

/**
 * Only in test deployments: changes state through the store exactly as a writer would, so push
 * tests can drive changes over HTTP before and independently of the GM endpoints.
 */
@RequestScoped
@Path("test-control/")
@Produces(MediaType.TEXT_PLAIN)
public class TestControlResource {

    @Inject
    ActiveViewStore store;
    @Inject
    DisplayStreams streams;

    @POST
    @Path("toggle-room/{room}")
    public String toggleRoom(@PathParam("room") String room) {
        return Long.toString(store.update(view -> view.withRoomVisible(room,
                !view.encounterRoomVisibility().getOrDefault(room, true))).version());
    }

    @POST
    @Path("step-token/{token}")
    public String stepToken(@PathParam("token") String tokenId) {
        return Long.toString(store.update(view -> {
            Token token = view.encounterTokens().get(tokenId);
            Token next = token == null
                    ? new Token("object", tokenId, 1, 0, List.of(), "", "")
                    : token.movedTo(token.x() + 1, token.y(), token.roomId());
            return view.withToken(tokenId, next);
        }).version());
    }

    @GET
    @Path("connected")
    public String connected() {
        return Integer.toString(streams.connected());
    }
}
