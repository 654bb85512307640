package charon.campaign;

import java.util.List;

/** The contract's campaign error bodies that carry more than {@code error} (api-contract §2): shapes only. */
public final class CampaignErrors {

    private CampaignErrors() {
    }

    /** A system map (no body_slug) or an orbit map that is not there. */
    public record MapMissing(String error, String systemSlug, String bodySlug) {
    }

    /** The star map missing or broken: the display still gets empty lists to draw. */
    public record StarMapMissing(String error, List<Object> systems, List<Object> routes) {
        StarMapMissing(String error) {
            this(error, List.of(), List.of());
        }
    }
}
