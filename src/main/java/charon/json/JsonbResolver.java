package charon.json;

import jakarta.json.bind.Jsonb;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/** Makes JAX-RS use the shared JSON-B configuration for request and response bodies. */
@Provider
public class JsonbResolver implements ContextResolver<Jsonb> {
    @Override
    public Jsonb getContext(Class<?> type) {
        return Json.jsonb();
    }
}
