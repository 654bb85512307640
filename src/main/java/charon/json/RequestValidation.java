package charon.json;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.MessageInterpolator;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import charon.errors.InvalidRequest;

/**
 * Bean Validation of request records (Hibernate Validator in the Tomcat WAR, the server's own on Payara). The
 * constraints carry the contract's refusal texts literally ({@code @NotNull(message = "room_id is required")}), so
 * they are used as written: no expression language, which Tomcat's WAR does not bundle. When several constraints
 * fail, the refusal names the first field in the record's order, as the hand-written checks did.
 */
public final class RequestValidation {

    private static final Validator VALIDATOR = validator();

    private RequestValidation() {
    }

    public static void check(Record body) {
        Set<ConstraintViolation<Record>> violations = VALIDATOR.validate(body);
        if (violations.isEmpty()) {
            return;
        }
        List<String> order = Arrays.stream(body.getClass().getRecordComponents()).map(RecordComponent::getName).toList();
        ConstraintViolation<Record> first = violations.stream()
                .min(Comparator.comparingInt((ConstraintViolation<Record> v) -> position(order, v))
                        .thenComparing(ConstraintViolation::getMessage))
                .orElseThrow();
        throw new InvalidRequest(first.getMessage());
    }

    private static int position(List<String> order, ConstraintViolation<?> violation) {
        String property = violation.getPropertyPath().iterator().next().getName();
        int index = order.indexOf(property);
        return index < 0 ? order.size() : index;
    }

    private static Validator validator() {
        ValidatorFactory factory = Validation.byDefaultProvider().configure()
                .messageInterpolator(new Literal())
                .buildValidatorFactory();
        return factory.getValidator();
    }

    /** The message template as written. */
    private static final class Literal implements MessageInterpolator {
        @Override
        public String interpolate(String template, Context context) {
            return template;
        }

        @Override
        public String interpolate(String template, Context context, Locale locale) {
            return template;
        }
    }
}
