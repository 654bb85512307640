package charon.campaign;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Campaign reads for the GM console: the location tree, the token gallery and what failed to load. */
@RequestScoped
@Path("gm/")
@Produces(MediaType.APPLICATION_JSON)
public class GmCampaignResource {

    @Inject
    CurrentCampaign current;

    @GET
    @Path("locations/")
    public Map<String, Object> locations() {
        return current.get().locationsTreeJson();
    }

    @GET
    @Path("encounter/token-images/")
    public Map<String, Object> tokenImages() {
        return current.get().tokenImagesJson();
    }

    @GET
    @Path("campaign/problems/")
    public Map<String, Object> problems() {
        List<Map<String, Object>> problems = current.get().problems().stream().map(p -> {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("file", p.file());
            json.put("line", p.line());
            json.put("message", p.message());
            return json;
        }).toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("campaign", current.isDemo() ? "demo" : current.root().getFileName().toString());
        body.put("problems", problems);
        return body;
    }
}
