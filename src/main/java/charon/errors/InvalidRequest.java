package charon.errors;

/** The request's content is not acceptable: a missing or malformed field, a value out of range (400). */
public final class InvalidRequest extends Refusal {

    public InvalidRequest(String message) {
        super(message, null);
    }

    /** With the whole answer body, for the contract's errors that carry more than {@code error}. */
    public InvalidRequest(String message, Object body) {
        super(message, body);
    }
}
