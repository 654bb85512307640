package charon.view;

/**
 * CDI event: the data behind {@link DerivedViewData} changed (a campaign file was edited). The view
 * publishes a new version only if the current payload actually differs.
 */
public record DerivedDataChanged(String reason) {
}
