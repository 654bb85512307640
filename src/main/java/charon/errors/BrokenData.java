package charon.errors;

/** A campaign file the request needs is there but cannot be read; the message names the file's problem (500). */
public final class BrokenData extends Refusal {

    public BrokenData(String message, Object body) {
        super(message, body);
    }
}
