package charon.ai;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

/** Runs the console's connection tests one after another and keeps the last outcome (announced for the GM's stream). */
@ApplicationScoped
public class ConnectionTests {

    @Inject
    DraftGenerator generator;
    @Inject
    Event<ConnectionCheck> checked;

    private volatile ConnectionCheck last;

    void start() {
        generator.test(check -> {
            last = check;
            checked.fire(check);
        });
    }

    ConnectionCheck last() {
        return last;
    }
}
