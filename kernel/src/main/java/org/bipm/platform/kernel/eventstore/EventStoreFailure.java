package org.bipm.platform.kernel.eventstore;

/** The database could not do what the store asked: callers see it as "unavailable", never as bad input. */
public class EventStoreFailure extends RuntimeException {

    public EventStoreFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
