package charon.errors;

import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The last resort: anything a resource did not handle is logged here with its stack trace and
 * answered {@code 500 {"error":"Internal error"}}, never with a trace or a server path. A body that
 * JSON-B could not bind (valid JSON with a field of the wrong type) is the caller's fault: 400.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());

    @Override
    public Response toResponse(Throwable exception) {
        Refusal refusal = refusalIn(exception);
        if (refusal != null) {
            return RefusalMapper.answer(refusal); // thrown while a body was read, wrapped by the JAX-RS runtime
        }
        if (causedByBinding(exception)) {
            LOG.log(Level.FINE, "Request body could not be bound", exception);
            return ErrorResponses.of(400, "Body has a field of the wrong type");
        }
        LOG.log(Level.SEVERE, "Unhandled error in a request", exception);
        return ErrorResponses.of(500, "Internal error");
    }

    static Refusal refusalIn(Throwable exception) {
        for (Throwable t = exception; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof Refusal refusal) {
                return refusal;
            }
        }
        return null;
    }

    private static boolean causedByBinding(Throwable exception) {
        for (Throwable t = exception; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof JsonbException) {
                return true;
            }
        }
        return false;
    }
}
