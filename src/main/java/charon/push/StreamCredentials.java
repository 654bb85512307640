package charon.push;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.logging.Level;
import java.util.logging.Logger;

import charon.security.CredentialStamps;
import charon.security.Viewer;

/** Checks, once a stream is listed, that its viewer's login still holds (a password reset may have raced the join). */
@ApplicationScoped
public class StreamCredentials {

    private static final Logger LOG = Logger.getLogger(StreamCredentials.class.getName());

    @Inject
    CredentialStamps stamps;

    /** A stamp that cannot be read (database error) counts as signed out: the stream ends and the display reconnects. */
    boolean stillSignedIn(Viewer viewer) {
        try {
            return stamps.stillSignedIn(viewer);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not check a display's login; its stream ends and it reconnects", e);
            return false;
        }
    }
}
