package charon.errors;

import charon.json.Json;

/** Every error answer of the API: {@code {"error": "<text>"}}. */
public record ErrorBody(String error) {

    public String toJson() {
        return Json.write(this);
    }
}
