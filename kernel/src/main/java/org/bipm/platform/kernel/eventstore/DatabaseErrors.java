package org.bipm.platform.kernel.eventstore;

import jakarta.transaction.RollbackException;
import java.sql.SQLException;

/** Tells a database that cannot answer now (wait, 503) from a value it cannot take (the caller's input, 400). */
public final class DatabaseErrors {

    private DatabaseErrors() {
    }

    /**
     * Connection trouble, shutdown, overload, deadlock, the pool giving up, or a commit the database
     * could not make (the transaction was rolled back, nothing applied): worth waiting for.
     */
    public static boolean unavailable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof RollbackException) {
                return true;
            }
            if (cause instanceof SQLException sql) {
                String state = sql.getSQLState();
                return state == null || state.startsWith("08") || state.startsWith("57P") || state.startsWith("53")
                        || state.equals("40001") || state.equals("40P01");
            }
        }
        return false;
    }

    /** A data exception (SQLSTATE class 22), e.g. a NUL byte in text: the input was bad, not the database. */
    public static boolean badInput(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("22")) {
                return true;
            }
        }
        return false;
    }
}
