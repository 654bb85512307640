package charon.view;

/**
 * CDI event fired by {@link ActiveViewStore} after every change, in version order, while the
 * change is still exclusive: observers see versions strictly one after another.
 */
public record ActiveViewChanged(VersionedView current) {
}
