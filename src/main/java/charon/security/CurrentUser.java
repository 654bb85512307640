package charon.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

import java.util.Optional;

/**
 * The signed-in user of the current request, for resources: {@code @Inject CurrentUser user;}.
 * Works wherever the request scope is active (JAX-RS resources, and the SSE resource method while
 * the stream is being opened). For work that runs later on other threads, keep {@link #viewer()}.
 */
@RequestScoped
public class CurrentUser {

    @Inject
    HttpServletRequest request;

    private Viewer viewer;

    public Viewer viewer() {
        if (viewer == null) {
            viewer = Viewer.of(request);
        }
        return viewer;
    }

    public Optional<String> username() {
        return viewer().username();
    }

    public Optional<Integer> userId() {
        return viewer().userId();
    }

    public boolean isGm() {
        return viewer().gm();
    }

    public boolean isSignedIn() {
        return viewer().isSignedIn();
    }

    /** Forgets the cached viewer after this request logged in or out. */
    void refresh() {
        viewer = null;
    }
}
