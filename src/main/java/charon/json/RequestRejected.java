package charon.json;

/** A request refused before anything changed: answered with {@code status} and {"error": message}. */
public class RequestRejected extends RuntimeException {

    private final int status;

    public RequestRejected(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    public static RequestRejected badRequest(String message) {
        return new RequestRejected(400, message);
    }

    public static RequestRejected notFound(String message) {
        return new RequestRejected(404, message);
    }

    public int status() {
        return status;
    }
}
