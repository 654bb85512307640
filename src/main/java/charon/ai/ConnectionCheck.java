package charon.ai;

import java.time.LocalDateTime;

/** The outcome of the console's last "test connection": one line, and when. */
public record ConnectionCheck(boolean ok, String detail, String checkedAt) {

    static ConnectionCheck ok(String detail) {
        return new ConnectionCheck(true, detail, LocalDateTime.now().toString());
    }

    static ConnectionCheck failed(String detail) {
        return new ConnectionCheck(false, detail, LocalDateTime.now().toString());
    }
}
