package org.bipm.platform.kernel.messaging;

/** A record no retry can make readable: it goes to the topic's DLQ and consumption continues. */
public class PoisonRecord extends RuntimeException {

    public PoisonRecord(String message) {
        super(message, null, false, false);
    }
}
