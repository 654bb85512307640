package charon.status;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import jakarta.servlet.http.HttpServletRequest;

import java.util.logging.Logger;

import charon.security.Viewer;
import charon.view.ActiveViewStore;

/** One line per accepted GM write: who, what, and the state version it produced. Refusals are not logged. */
@Provider
public class GmWriteLog implements ContainerResponseFilter {

    private static final Logger LOG = Logger.getLogger("charon.gm.writes");

    @Inject
    ActiveViewStore store;
    @Context
    HttpServletRequest servletRequest;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        String path = request.getUriInfo().getPath();
        if (!"POST".equals(request.getMethod()) || !path.startsWith("gm/") || response.getStatus() >= 400) {
            return;
        }
        String who = Viewer.of(servletRequest).username().orElse("display");
        String what = path.substring("gm/".length()).replaceAll("/$", "");
        LOG.info(() -> "GM write by=" + who + " action=" + what + " status=" + response.getStatus()
                + " version=" + store.current().version());
    }
}
