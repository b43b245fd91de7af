package za.voelgoed.platform.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An RFC 9457 problem body. {@code code} is the stable machine-readable reason; {@code type} is the
 * same code as a URN so clients may key on either.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String code, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One invalid input field. */
    public record FieldError(String field, String message) {
    }

    public static Problem of(int status, String code, String title, String detail, List<FieldError> errors) {
        return new Problem("urn:voelgoed:problem:" + code, title, status, detail, code, errors);
    }
}
