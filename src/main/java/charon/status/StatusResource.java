package charon.status;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import charon.campaign.CurrentCampaign;
import charon.journal.TableJournal;
import charon.persistence.Database;
import charon.push.DisplayStreams;
import charon.view.ActiveViewStore;

/** Health for monitoring and the console's status tab. */
@RequestScoped
@Path("health")
@Produces(MediaType.APPLICATION_JSON)
public class StatusResource {

    @Inject
    Database database;
    @Inject
    CurrentCampaign campaign;
    @Inject
    DisplayStreams streams;
    @Inject
    ActiveViewStore store;
    @Inject
    TableJournal journal;

    /** {@code GET /api/health}: 200 when the database answers, 503 otherwise. No paths or secrets. */
    @GET
    public Response health() {
        boolean databaseUp = database.isReachable();
        List<String> reasons = new ArrayList<>();
        if (!databaseUp) {
            reasons.add("the database cannot be read");
        }
        campaign.unavailable().ifPresent(reasons::add);
        if (!journal.healthy()) {
            // a failing table-state journal does not stop the table (it plays on from memory) but is worth a warning
            reasons.add("the table's state cannot be saved");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", reasons.isEmpty() ? "ok" : "degraded");
        if (!reasons.isEmpty()) {
            body.put("reasons", reasons);
        }
        body.put("database", databaseUp ? "reachable" : "unreachable");
        body.put("journal", journal.healthy() ? "ok" : "failing");
        body.put("journal_version", journal.writtenVersion());
        body.put("campaign", Map.of(
                "loaded", campaign.unavailable().isEmpty(),
                "demo", campaign.isDemo(),
                "locations", campaign.get().allLocations().size(),
                "problems", campaign.get().problems().size()));
        body.put("connected_displays", streams.connected());
        body.put("events_sent", streams.eventsSent());
        body.put("displays_dropped", streams.dropped());
        body.put("streams_closed_at_first_event", streams.closedAtFirstEvent());
        body.put("version", store.current().version());
        return Response.status(databaseUp ? 200 : 503).entity(body).build();
    }
}
