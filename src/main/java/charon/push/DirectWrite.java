package charon.push;

/**
 * What became of an event written at once by the thread that fans it out ({@link GuardedConnection#sendNow}): out on
 * the socket, partly out (the rest must be flushed, blocking, before anything else), not tried (queue it), or failed.
 */
record DirectWrite(Outcome outcome, Throwable failure) {

    enum Outcome { DONE, FLUSH, QUEUE, FAILED }

    static final DirectWrite DONE = new DirectWrite(Outcome.DONE, null);
    static final DirectWrite FLUSH = new DirectWrite(Outcome.FLUSH, null);
    static final DirectWrite QUEUE = new DirectWrite(Outcome.QUEUE, null);

    static DirectWrite failed(Throwable failure) {
        return new DirectWrite(Outcome.FAILED, failure);
    }
}
