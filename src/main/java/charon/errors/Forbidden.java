package charon.errors;

/** The caller is known but may not do this (403). */
public final class Forbidden extends Refusal {

    public Forbidden(String message) {
        super(message, null);
    }

    /** With the whole answer body, for the contract's errors that carry more than {@code error}. */
    public Forbidden(String message, Object body) {
        super(message, body);
    }
}
