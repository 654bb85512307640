package charon.sound;

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

import charon.json.JsonBody;
import charon.view.ActiveViewStore;
import charon.view.SoundState;
import charon.view.VersionedView;

import static charon.json.Answers.success;

/**
 * The GM's sound: {@code POST /api/gm/sound/alert/} {"sound": name} fires an alert on every display;
 * {@code .../ambience/} {"view_type", "ambience"} sets a view's loop; {@code .../level/} {"level": 0-100}; and
 * {@code GET /api/gm/sound/} lists what can be named. Login, CSRF and Origin as every GM write. Thin.
 */
@RequestScoped
@Path("gm/sound/")
@Produces(MediaType.APPLICATION_JSON)
@Consumes({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN, MediaType.WILDCARD})
public class GmSoundResource {

    @Inject
    SoundCommands commands;
    @Inject
    SoundCatalogue catalogue;
    @Inject
    ActiveViewStore store;

    @GET
    public Map<String, Object> catalogue() {
        SoundState now = store.snapshot().table().sound();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("alerts", SoundCatalogue.ALERTS);
        body.put("ambiences", SoundCatalogue.AMBIENCES);
        body.put("campaign_files", catalogue.campaignFiles());
        body.put("ambience_by_view", now.ambience());
        body.put("level", now.level());
        return body;
    }

    @POST
    @Path("alert/")
    public Map<String, Object> alert(String raw) {
        VersionedView fired = commands.alert(JsonBody.parse(raw).requiredString("sound"));
        return success("version", fired.version(), "sequence", fired.sound().alertSequence());
    }

    @POST
    @Path("ambience/")
    public Map<String, Object> ambience(String raw) {
        JsonBody body = JsonBody.parse(raw);
        VersionedView changed = commands.ambience(body.requiredString("view_type"), body.requiredString("ambience"));
        return success("version", changed.version());
    }

    @POST
    @Path("level/")
    public Map<String, Object> level(String raw) {
        VersionedView changed = commands.level(JsonBody.parse(raw).requiredInt("level"));
        return success("version", changed.version());
    }
}
