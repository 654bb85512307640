package charon.status;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.ArrayList;
import java.util.List;

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
        Health body = new Health(reasons.isEmpty() ? "ok" : "degraded", reasons.isEmpty() ? null : List.copyOf(reasons),
                databaseUp ? "reachable" : "unreachable", journal.healthy() ? "ok" : "failing", journal.writtenVersion(),
                new Health.CampaignHealth(campaign.unavailable().isEmpty(), campaign.isDemo(),
                        campaign.get().allLocations().size(), campaign.get().problems().size()),
                streams.connected(), streams.eventsSent(), streams.dropped(), streams.closedAtFirstEvent(),
                store.current().version());
        return Response.status(databaseUp ? 200 : 503).entity(body).build();
    }
}
