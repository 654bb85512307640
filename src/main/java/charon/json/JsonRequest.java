package charon.json;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a record as a request body read the way the API contract reads bodies (§0): any content type, an empty body
 * as {@code {}}, a JSON {@code null} as a missing field, a wrong JSON type refused with the field's name, then the
 * record's Bean Validation constraints. See {@link JsonRequestReader}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface JsonRequest {
}
