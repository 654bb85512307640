package charon.errors;

/** The request cannot apply to the current state, e.g. nothing to undo, a user who already exists (409). */
public final class Conflict extends Refusal {

    public Conflict(String message) {
        super(message, null);
    }

    /** With the whole answer body, for the contract's errors that carry more than {@code error}. */
    public Conflict(String message, Object body) {
        super(message, body);
    }
}
