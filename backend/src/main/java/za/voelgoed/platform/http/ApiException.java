package za.voelgoed.platform.http;

import java.util.List;

/**
 * A request the API refuses, with its status and stable code. Thrown before anything changes (or
 * inside a transaction, which it rolls back), so a refused request never leaves a trace.
 */
public final class ApiException extends RuntimeException {

    private final int status;
    private final String code;
    private final String title;
    private final List<Problem.FieldError> errors;

    public ApiException(int status, String code, String title, String detail, List<Problem.FieldError> errors) {
        // a refusal is an answer, not a fault: no stack trace for 4xx (in a sold-out sale most requests end in
        // a 409, and filling in the stack cost more than the answer); server errors keep theirs
        super(detail, null, false, status >= 500);
        this.status = status;
        this.code = code;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    public static ApiException badRequest(String code, String detail) {
        return new ApiException(400, code, "Bad request", detail, List.of());
    }

    public static ApiException invalid(List<Problem.FieldError> errors) {
        return new ApiException(422, "validation_failed", "Validation failed",
                errors.size() + " field(s) are invalid", errors);
    }

    public static ApiException notFound(String code, String detail) {
        return new ApiException(404, code, "Not found", detail, List.of());
    }

    /** Any other status with a stable code, e.g. 402 payment_declined or 503 payment_unavailable. */
    public static ApiException of(int status, String code, String title, String detail) {
        return new ApiException(status, code, title, detail, List.of());
    }

    public static ApiException conflict(String code, String detail) {
        return new ApiException(409, code, "Conflict", detail, List.of());
    }

    public static ApiException unauthorized(String detail) {
        return new ApiException(401, "unauthorized", "Unauthorized", detail, List.of());
    }

    public static ApiException forbidden(String detail) {
        return new ApiException(403, "forbidden", "Forbidden", detail, List.of());
    }

    public Problem problem() {
        return Problem.of(status, code, title, getMessage(), errors);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }
}
