package charon.campaign;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.regex.Pattern;

/** Message timestamps: "YYYY-MM-DD HH:MM:SS" (space or T) or YAML datetimes; anything else stays a string. */
final class Timestamps {

    private static final Pattern TEXT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}[ T]\\d{2}:\\d{2}:\\d{2}");
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");
    private static final DateTimeFormatter SPACED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private Timestamps() {
    }

    /** LocalDateTime when the value is a date/time we understand, else the value unchanged. */
    static Object normalize(Object value) {
        if (value instanceof LocalDate date) {
            return date.atStartOfDay();
        }
        if (value instanceof String s && TEXT.matcher(s.trim()).matches()) {
            try {
                return LocalDateTime.parse(s.trim().replace(' ', 'T'));
            } catch (DateTimeParseException e) {
                return value; // e.g. month 13: stays a string, like the original
            }
        }
        return value;
    }

    /** REST form, as the contract requires: YYYY-MM-DDTHH:MM:SS. */
    static String iso(LocalDateTime value) {
        return ISO.format(value);
    }

    /** SSE form (Python str()): YYYY-MM-DD HH:MM:SS. */
    static String spaced(LocalDateTime value) {
        return SPACED.format(value);
    }

    /** REST JSON value: ISO string for date-times, other values (raw strings, null) as they are. */
    static Object toJson(Object value) {
        return value instanceof LocalDateTime dt ? iso(dt) : value;
    }

    /**
     * Date-times first in time order, then unparseable strings alphabetically, then missing ones. The
     * original crashed on such mixes; this keeps every message and stays deterministic.
     */
    static final Comparator<Object> ORDER = Comparator.comparingInt(Timestamps::rank)
            .thenComparing((a, b) -> {
                if (a instanceof LocalDateTime x && b instanceof LocalDateTime y) {
                    return x.compareTo(y);
                }
                if (a != null && b != null && !(a instanceof LocalDateTime)) {
                    return String.valueOf(a).compareTo(String.valueOf(b));
                }
                return 0;
            });

    private static int rank(Object value) {
        if (value instanceof LocalDateTime) {
            return 0;
        }
        return value == null ? 2 : 1;
    }
}
