package charon.errors;

/** The request needs a signed-in user, or the credentials given are wrong (401). */
public final class NotSignedIn extends Refusal {

    public NotSignedIn(String message) {
        super(message, null);
    }

    /** With the whole answer body, for the contract's errors that carry more than {@code error}. */
    public NotSignedIn(String message, Object body) {
        super(message, body);
    }
}
