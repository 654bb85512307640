package charon.ai;

import charon.json.RequestRejected;

/** The pending entry named is not (or no longer) there: approved, rejected or cleared meanwhile. */
public class DraftNotFound extends RequestRejected {

    public DraftNotFound() {
        super(404, "Pending response not found");
    }
}
