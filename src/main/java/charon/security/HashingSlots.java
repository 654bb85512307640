package charon.security;

import java.util.Optional;
import java.util.concurrent.Semaphore;

/**
 * How many password checks may run at once. A check is a million PBKDF2 rounds (a third of a second of a
 * core): sixty guesses at once made the GM wait 15 s for his own login. A check that finds no free slot is
 * not queued, it is refused at once (429). The server's own machine (the GM's laptop) has slots of its own,
 * so guesses from the LAN cannot keep the GM out of the console there.
 */
final class HashingSlots {

    /** A taken slot; closing it gives it back. */
    interface Slot extends AutoCloseable {
        @Override
        void close();
    }

    private final Semaphore lan;
    private final Semaphore serverMachine;

    HashingSlots(int lanSlots, int serverMachineSlots) {
        this.lan = new Semaphore(lanSlots);
        this.serverMachine = new Semaphore(serverMachineSlots);
    }

    /** Half the cores for the LAN (at least one), so a core stays free for the GM and the displays. */
    static HashingSlots forThisMachine() {
        return new HashingSlots(Math.max(1, Runtime.getRuntime().availableProcessors() / 2), 2);
    }

    /** A slot for a check from this address, or empty when all are in use. */
    Optional<Slot> tryTake(String clientAddress) {
        Semaphore slots = ClientAddresses.isServerMachine(clientAddress) ? serverMachine : lan;
        return slots.tryAcquire() ? Optional.of(slots::release) : Optional.empty();
    }
}
