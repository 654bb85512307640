package charon.push;

import java.util.ArrayList;
import java.util.List;

/** The callbacks to run once a connection has ended: each exactly once, including those added after the end. */
final class Ended {

    private List<Runnable> waiting = new ArrayList<>();

    void add(Runnable whenEnded) {
        synchronized (this) {
            if (waiting != null) {
                waiting.add(whenEnded);
                return;
            }
        }
        whenEnded.run();
    }

    void run() {
        List<Runnable> due;
        synchronized (this) {
            due = waiting;
            waiting = null;
        }
        if (due != null) {
            due.forEach(Runnable::run);
        }
    }
}
