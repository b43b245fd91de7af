package za.voelgoed.paysim;

/** A request the simulator answers with an error status and a stable code, the provider's refusal. */
final class SimulatorException extends RuntimeException {

    private final int status;
    private final String code;

    SimulatorException(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    static SimulatorException badRequest(String code, String message) {
        return new SimulatorException(400, code, message);
    }

    static SimulatorException notFound(String code, String message) {
        return new SimulatorException(404, code, message);
    }

    static SimulatorException conflict(String code, String message) {
        return new SimulatorException(409, code, message);
    }

    static SimulatorException invalid(String code, String message) {
        return new SimulatorException(422, code, message);
    }

    static SimulatorException unavailable(String code, String message) {
        return new SimulatorException(503, code, message);
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }

    Response toResponse() {
        return Response.error(status, code, getMessage());
    }
}
