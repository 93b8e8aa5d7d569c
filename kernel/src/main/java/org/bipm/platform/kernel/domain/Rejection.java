package org.bipm.platform.kernel.domain;

/**
 * A command the domain refuses. {@code code} is stable and becomes the problem {@code type}
 * clients match on; the message says why in words a user understands.
 */
public class Rejection extends RuntimeException {

    private final String code;
    private final Kind kind;

    /** Why a command is refused: it conflicts with the stream's state, or it is invalid in itself. */
    public enum Kind { CONFLICT, INVALID, NOT_FOUND }

    public Rejection(String code, String message) {
        this(Kind.CONFLICT, code, message);
    }

    public Rejection(Kind kind, String code, String message) {
        super(message, null, false, false);
        this.kind = kind;
        this.code = code;
    }

    public static Rejection invalid(String code, String message) {
        return new Rejection(Kind.INVALID, code, message);
    }

    public static Rejection notFound(String code, String message) {
        return new Rejection(Kind.NOT_FOUND, code, message);
    }

    public String code() {
        return code;
    }

    public Kind kind() {
        return kind;
    }
}
