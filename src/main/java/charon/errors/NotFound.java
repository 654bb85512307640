package charon.errors;

/** What the request names does not exist, or is not shown to this caller (404). */
public final class NotFound extends Refusal {

    public NotFound(String message) {
        super(message, null);
    }

    /** With the whole answer body, for the contract's errors that carry more than {@code error}. */
    public NotFound(String message, Object body) {
        super(message, body);
    }
}
