package io.privatelink.provisioner.simulator;

/** An error the simulated cloud answers with: the API's Code, Message and HTTP status. */
public final class SimulatorException extends RuntimeException {

    private final String code;
    private final int httpStatus;

    public SimulatorException(int httpStatus, String code, String message) {
        super(message, null, false, false);
        this.code = code;
        this.httpStatus = httpStatus;
    }

    public static SimulatorException badRequest(String code, String message) {
        return new SimulatorException(400, code, message);
    }

    public String code() {
        return code;
    }

    public int httpStatus() {
        return httpStatus;
    }
}
