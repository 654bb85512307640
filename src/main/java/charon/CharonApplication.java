package charon;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** All REST and SSE endpoints live under {@code /api}; resources and providers are discovered. */
@ApplicationPath("/api")
public class CharonApplication extends Application {
}
