package charon.json;

/** The answer of a write that has nothing more to say than that it was done: {@code {"success": true}}. */
public record Done(boolean success) {
    public static final Done DONE = new Done(true);
}
