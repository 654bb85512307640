package charon.journal;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;

import java.time.Duration;

import charon.view.ActiveViewStore;

/**
 * A write is answered 2xx only once the table state it produced is in the journal, so every answered change
 * survives kill -9. The displays got the change already (the push never waits); only the writer's answer waits,
 * a few milliseconds, and not at all while the journal is failing.
 */
@Provider
public class DurableAnswers implements ContainerResponseFilter {

    /** A journal slower than this (a disk that hangs rather than fails) no longer holds the answer. */
    static final Duration MAX_WAIT = Duration.ofSeconds(2);

    @Inject
    TableJournal journal;
    @Inject
    ActiveViewStore store;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()) || response.getStatus() >= 400) {
            return;
        }
        try {
            journal.awaitWritten(store.current().version(), MAX_WAIT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
