package za.voelgoed.platform.http;

import java.util.ArrayList;
import java.util.List;

/** Collects every field error of a request body, then refuses the request once with all of them. */
public final class Validation {

    private final List<Problem.FieldError> errors = new ArrayList<>();

    public Validation require(boolean ok, String field, String message) {
        if (!ok) {
            errors.add(new Problem.FieldError(field, message));
        }
        return this;
    }

    public Validation text(String value, String field, int min, int max) {
        if (value == null) {
            return require(min == 0, field, "is required");
        }
        String trimmed = value.strip();
        return require(trimmed.length() >= min && trimmed.length() <= max, field,
                "must be " + min + " to " + max + " characters");
    }

    public boolean ok() {
        return errors.isEmpty();
    }

    public void orThrow() {
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
    }
}
