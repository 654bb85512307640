package charon.sound;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Locale;

import charon.view.ActiveViewStore;
import charon.view.VersionedView;
import charon.view.ViewType;

import charon.errors.InvalidRequest;

/**
 * The GM's sound writes. Each is validated before the store is touched (a refused one changes and pushes nothing),
 * then one store change: one version, one event to every display, journaled.
 */
@ApplicationScoped
public class SoundCommands {

    @Inject
    ActiveViewStore store;
    @Inject
    SoundCatalogue catalogue;

    private final Clock clock = Clock.systemUTC();

    public VersionedView alert(String sound) {
        if (!catalogue.isAlert(sound)) {
            throw new InvalidRequest("Unknown sound: " + shorten(sound) + " (known: " + String.join(", ", SoundCatalogue.ALERTS.keySet()) + ")");
        }
        Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        return store.changeSound(sound1 -> sound1.withAlert(sound, at));
    }

    public VersionedView ambience(String view, String ambience) {
        ViewType type = Arrays.stream(ViewType.values()).filter(t -> t.name().equals(view)).findFirst()
                .orElseThrow(() -> new InvalidRequest("Unknown view_type: " + shorten(view)));
        if (!catalogue.isAmbience(ambience)) {
            throw new InvalidRequest("Unknown ambience: " + shorten(ambience) + " (known: " + String.join(", ", SoundCatalogue.AMBIENCES) + ")");
        }
        return store.changeSound(sound -> sound.withAmbience(type, ambience));
    }

    public VersionedView level(int level) {
        if (level < 0 || level > 100) {
            throw new InvalidRequest("level must be between 0 and 100");
        }
        return store.changeSound(sound -> sound.withLevel(level));
    }

    /** A name quoted back in an error, never longer than a line. */
    private static String shorten(String name) {
        String oneLine = name.replaceAll("[\\r\\n\\t]", " ");
        return '"' + (oneLine.length() > 60 ? oneLine.substring(0, 60) + "..." : oneLine) + '"';
    }

}
