package charon.gm;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.LinkedHashMap;
import java.util.Map;

import charon.gm.GmRequests.NewSession;
import charon.gm.GmRequests.ResetEncounter;
import charon.json.NoFields;
import charon.gm.TableAnswers.History;
import charon.json.Applied;
import charon.gm.TableAnswers.SessionStarted;
import charon.view.ActiveViewStore;
import charon.view.TableSnapshot;
import charon.view.VersionedView;

import charon.errors.InvalidRequest;

/** The GM's writes to the table state as a whole: reset an encounter, undo/redo, a new session. Thin. */
@RequestScoped
@Path("gm/")
@Produces(MediaType.APPLICATION_JSON)
@Consumes({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN, MediaType.WILDCARD})
public class TableResource {

    @Inject
    TableCommands commands;
    @Inject
    ActiveViewStore store;
    @Inject
    charon.campaign.CurrentCampaign campaign;

    @POST
    @Path("encounter/reset/")
    public Applied resetEncounter(ResetEncounter body) {
        VersionedView reset = commands.resetEncounter(java.util.Optional.ofNullable(body.locationSlug()));
        return new Applied(reset.version());
    }

    @POST
    @Path("view/undo/")
    public History undo(NoFields body) {
        commands.undo();
        return history();
    }

    @POST
    @Path("view/redo/")
    public History redo(NoFields body) {
        commands.redo();
        return history();
    }

    /** What the next undo and redo would revert, for the console's buttons. */
    @GET
    @Path("view/history/")
    public History history() {
        TableSnapshot now = store.snapshot();
        return new History(true, now.version(), now.nextUndo().orElse(null), now.nextRedo().orElse(null),
                now.undoDepth(), now.redoDepth(), now.table().memories().keySet(),
                now.table().shownEncounter().orElse(null),
                now.table().shownEncounter().flatMap(slug -> campaign.get().location(slug))
                        .map(location -> location.name().toUpperCase(java.util.Locale.ROOT)).orElse(null));
    }

    @POST
    @Path("session/new/")
    public SessionStarted newSession(NewSession body) {
        boolean keep = body.keepMemories();
        VersionedView started = commands.newSession(keep);
        return new SessionStarted(started.version(), started.view().viewType().name());
    }
}
