package charon.json;

/** The answer of a write that changed the table: {@code {"success": true, "version": n}}, the state version it made. */
public record Applied(boolean success, long version) {
    public Applied(long version) {
        this(true, version);
    }
}
