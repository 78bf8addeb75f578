package io.privatelink.provisioner.invocation;

/** What every HTTP route of the service shares: where it runs relative to Funqy's, and how much body it reads. */
public final class EdgeLimits {

    /** Vert.x routes with a lower order run first; Funqy's route comes after these. */
    public static final int BEFORE_FUNQY = -100;
    public static final int MAX_BODY_BYTES = 64 * 1024;

    private EdgeLimits() {
    }
}
