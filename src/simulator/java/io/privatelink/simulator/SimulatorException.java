package io.privatelink.simulator;

/** An error the simulated cloud answers with: the API's Code, Message and HTTP status. */
public final class SimulatorException extends RuntimeException {

    private final String code;
    private final int httpStatus;

    /** Made by {@link SeedErrors} only: every code the simulator answers is in its table. */
    SimulatorException(int httpStatus, String code, String message) {
        super(message, null, false, false);
        this.code = code;
        this.httpStatus = httpStatus;
    }

    public String code() {
        return code;
    }

    public int httpStatus() {
        return httpStatus;
    }
}
