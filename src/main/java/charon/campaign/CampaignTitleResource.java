package charon.campaign;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code GET /api/campaign/title/}: the campaign's title, which STANDBY shows on every display (issue 17). Public like
 * the title on the TV itself; empty when the campaign sets none.
 */
@RequestScoped
@Path("campaign/title/")
@Produces(MediaType.APPLICATION_JSON)
public class CampaignTitleResource {

    /** The answer's shape. */
    public record CampaignTitle(String title) {
    }

    @Inject
    CurrentCampaign current;

    @GET
    public CampaignTitle title() {
        String title = current.get().title();
        return new CampaignTitle(title == null ? "" : title);
    }
}
