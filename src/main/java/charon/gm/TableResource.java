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
import charon.view.ActiveViewStore;
import charon.view.TableSnapshot;
import charon.view.VersionedView;

import static charon.json.Answers.success;
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
    public Map<String, Object> resetEncounter(ResetEncounter body) {
        VersionedView reset = commands.resetEncounter(java.util.Optional.ofNullable(body.locationSlug()));
        return success("version", reset.version());
    }

    @POST
    @Path("view/undo/")
    public Map<String, Object> undo(NoFields body) {
        commands.undo();
        return history();
    }

    @POST
    @Path("view/redo/")
    public Map<String, Object> redo(NoFields body) {
        commands.redo();
        return history();
    }

    /** What the next undo and redo would revert, for the console's buttons. */
    @GET
    @Path("view/history/")
    public Map<String, Object> history() {
        TableSnapshot now = store.snapshot();
        Map<String, Object> body = new LinkedHashMap<>(success("version", now.version()));
        body.put("next_undo", now.nextUndo().orElse(null));
        body.put("next_redo", now.nextRedo().orElse(null));
        body.put("undo_depth", now.undoDepth());
        body.put("redo_depth", now.redoDepth());
        body.put("remembered_locations", now.table().memories().keySet());
        body.put("shown_encounter", now.table().shownEncounter().orElse(null));
        body.put("shown_encounter_name", now.table().shownEncounter().flatMap(slug -> campaign.get().location(slug))
                .map(location -> location.name().toUpperCase(java.util.Locale.ROOT)).orElse(null));
        return body;
    }

    @POST
    @Path("session/new/")
    public Map<String, Object> newSession(NewSession body) {
        boolean keep = body.keepMemories();
        VersionedView started = commands.newSession(keep);
        return success("version", started.version(), "view_type", started.view().viewType().name());
    }
}
