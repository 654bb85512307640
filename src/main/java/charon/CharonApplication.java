package charon;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

import java.util.Map;

/** All REST and SSE endpoints live under {@code /api}; resources and providers are discovered. */
@ApplicationPath("/api")
public class CharonApplication extends Application {

    /**
     * No {@code /api/application.wadl}: it listed every endpoint, the GM's included, and Jersey's version
     * to anyone on the LAN. (OPTIONS is refused before routing, see {@code RequestRules}.)
     */
    @Override
    public Map<String, Object> getProperties() {
        return Map.of("jersey.config.server.wadl.disableWadl", true);
    }
}
