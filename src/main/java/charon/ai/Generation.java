package charon.ai;

import dev.langchain4j.model.chat.response.StreamingHandle;

import java.util.ArrayList;
import java.util.List;

/**
 * One call to the model, shared by every draft whose prompt is the same (so the same query twice is billed once):
 * drafts subscribe and get what was streamed so far, then the rest. The first outcome wins; a late token or error
 * after a timeout or a cancel is ignored.
 */
final class Generation {

    /** What a subscribed draft is told. Called under this generation's lock, in order. */
    interface Listener {
        void partial(String textSoFar);

        void done(String text, int tokensIn, int tokensOut, String firstPendingId);

        void failed(String reason);
    }

    enum State { RUNNING, DONE, FAILED }

    private final String firstPendingId;
    private final List<Listener> listeners = new ArrayList<>();
    private final StringBuilder text = new StringBuilder();
    private State state = State.RUNNING;
    private String finalText = "";
    private String reason = "";
    private int tokensIn;
    private int tokensOut;
    private StreamingHandle handle;
    private volatile long lastActivityNanos = System.nanoTime();

    Generation(String firstPendingId) {
        this.firstPendingId = firstPendingId;
    }

    String firstPendingId() {
        return firstPendingId;
    }

    long lastActivityNanos() {
        return lastActivityNanos;
    }

    synchronized State state() {
        return state;
    }

    synchronized void subscribe(Listener listener) {
        listeners.add(listener);
        switch (state) {
            case RUNNING -> {
                if (!text.isEmpty()) {
                    listener.partial(text.toString());
                }
            }
            case DONE -> listener.done(finalText, tokensIn, tokensOut, firstPendingId);
            case FAILED -> listener.failed(reason);
        }
    }

    synchronized void handle(StreamingHandle streamingHandle) {
        this.handle = streamingHandle;
    }

    synchronized void append(String token) {
        lastActivityNanos = System.nanoTime();
        if (state == State.RUNNING && token != null && !token.isEmpty()) {
            text.append(token);
            listeners.forEach(l -> l.partial(text.toString()));
        }
    }

    synchronized boolean complete(String answer, int in, int out) {
        if (state != State.RUNNING) {
            return false;
        }
        state = State.DONE;
        finalText = answer;
        tokensIn = in;
        tokensOut = out;
        listeners.forEach(l -> l.done(answer, in, out, firstPendingId));
        return true;
    }

    synchronized boolean fail(String why) {
        if (state != State.RUNNING) {
            return false;
        }
        state = State.FAILED;
        reason = why;
        if (handle != null && !handle.isCancelled()) {
            handle.cancel();
        }
        listeners.forEach(l -> l.failed(why));
        return true;
    }
}
