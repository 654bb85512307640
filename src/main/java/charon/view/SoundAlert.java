package charon.view;

import java.util.Objects;

/**
 * One alert the GM fired: its sound, its place in the sequence of alerts (1, 2, 3...) and when (ISO-8601, UTC).
 * Displays play an alert when its sequence differs from the last one they saw on their current connection, never
 * the one in the first state they receive: a display that connects later (or after a restart) does not replay it.
 */
public record SoundAlert(String name, long sequence, String at) {

    public SoundAlert {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(at, "at");
    }
}
