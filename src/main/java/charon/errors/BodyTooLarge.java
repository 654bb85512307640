package charon.errors;

/** The request body is over the limit every endpoint shares (413). */
public final class BodyTooLarge extends Refusal {

    public BodyTooLarge(String message) {
        super(message, null);
    }

    /** With the whole answer body, for the contract's errors that carry more than {@code error}. */
    public BodyTooLarge(String message, Object body) {
        super(message, body);
    }
}
