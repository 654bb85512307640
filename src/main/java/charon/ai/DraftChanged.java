package charon.ai;

/** CDI event: a pending draft was created, grew, finished, failed or was removed ({@code removed}); GM-only. */
public record DraftChanged(Draft draft, boolean removed) {
}
