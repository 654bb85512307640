package charon.persistence;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;

/**
 * Django keeps datetimes on SQLite as naive UTC text, {@code YYYY-MM-DD HH:MM:SS[.ffffff]}; we read
 * and write exactly that, so both applications can share one database file.
 */
@Converter
public class DjangoDateTime implements AttributeConverter<LocalDateTime, String> {

    static final DateTimeFormatter FORMAT = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd HH:mm:ss")
            .optionalStart()
            .appendFraction(ChronoField.MICRO_OF_SECOND, 0, 6, true)
            .optionalEnd()
            .toFormatter();

    @Override
    public String convertToDatabaseColumn(LocalDateTime value) {
        return value == null ? null : FORMAT.format(value);
    }

    @Override
    public LocalDateTime convertToEntityAttribute(String text) {
        return text == null ? null : LocalDateTime.parse(text.replace('T', ' '), FORMAT);
    }
}
