package charon.view;

import java.util.Map;

/**
 * Data the payload carries besides the state itself, computed from the state (the campaign
 * implements it). Must not touch the disk: it runs on every change.
 */
public interface DerivedViewData {
    Map<String, Object> derive(ActiveView state);
}
