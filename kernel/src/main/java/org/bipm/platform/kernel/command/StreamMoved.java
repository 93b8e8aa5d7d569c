package org.bipm.platform.kernel.command;

/** The client wrote with If-Match for a version the stream has moved past (HTTP 412). */
public class StreamMoved extends RuntimeException {

    private final long actualVersion;

    public StreamMoved(String streamId, long expected, long actual) {
        super("stream " + streamId + " is at version " + actual + ", not " + expected, null, false, false);
        this.actualVersion = actual;
    }

    public long actualVersion() {
        return actualVersion;
    }
}
