package charon.sound;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.List;
import java.util.Map;

import charon.json.Applied;
import charon.json.JsonRequest;
import charon.view.ActiveViewStore;
import charon.view.SoundState;
import charon.view.VersionedView;

/**
 * The GM's sound: {@code POST /api/gm/sound/alert/} {"sound": name} fires an alert on every display;
 * {@code .../ambience/} {"view_type", "ambience"} sets a view's loop; {@code .../level/} {"level": 0-100}; and
 * {@code GET /api/gm/sound/} lists what can be named. Login, CSRF and Origin as every GM write. Thin.
 */
@RequestScoped
@Path("gm/sound/")
@Produces(MediaType.APPLICATION_JSON)
public class GmSoundResource {

    @JsonRequest
    public record Alert(@NotNull(message = "sound is required") String sound) {
    }

    @JsonRequest
    public record Ambience(@NotNull(message = "view_type is required") String viewType,
                           @NotNull(message = "ambience is required") String ambience) {
    }

    @JsonRequest
    public record Level(@NotNull(message = "level is required") Integer level) {
    }

    public record Catalogue(Map<String, ?> alerts, List<String> ambiences, List<?> campaignFiles,
                            Map<String, String> ambienceByView, int level) {
    }

    public record Fired(boolean success, long version, long sequence) {
    }

    @Inject
    SoundCommands commands;
    @Inject
    SoundCatalogue catalogue;
    @Inject
    ActiveViewStore store;

    @GET
    public Catalogue catalogue() {
        SoundState now = store.snapshot().table().sound();
        return new Catalogue(SoundCatalogue.ALERTS, List.copyOf(SoundCatalogue.AMBIENCES), List.copyOf(catalogue.campaignFiles()),
                now.ambience(), now.level());
    }

    @POST
    @Path("alert/")
    public Fired alert(Alert body) {
        VersionedView fired = commands.alert(body.sound());
        return new Fired(true, fired.version(), fired.sound().alertSequence());
    }

    @POST
    @Path("ambience/")
    public Applied ambience(Ambience body) {
        return new Applied(commands.ambience(body.viewType(), body.ambience()).version());
    }

    @POST
    @Path("level/")
    public Applied level(Level body) {
        return new Applied(commands.level(body.level()).version());
    }
}
