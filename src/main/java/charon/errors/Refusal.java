package charon.errors;

/**
 * A request refused for a reason the caller can read: thrown anywhere below the resources, named after what went
 * wrong, and answered by {@link RefusalMapper} (the one place that knows the HTTP status of each kind). The
 * message is shown to the caller, so it never carries secrets or server paths. Thrown before any state changes, so
 * a refused request changes nothing. No stack trace: these are answers, not faults.
 */
public abstract sealed class Refusal extends RuntimeException
        permits InvalidRequest, NotFound, Conflict, Forbidden, NotSignedIn, TooManyRequests, BodyTooLarge, BrokenData {

    private final transient Object body;

    protected Refusal(String message, Object body) {
        super(message, null, false, false);
        this.body = body;
    }

    /** The whole answer body when the contract adds keys to {@code {"error": ...}}; null for the plain form. */
    public Object body() {
        return body;
    }
}
