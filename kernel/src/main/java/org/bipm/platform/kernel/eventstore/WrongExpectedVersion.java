package org.bipm.platform.kernel.eventstore;

/** An append expected the stream at one version and found it at another: someone else wrote first. */
public class WrongExpectedVersion extends RuntimeException {

    private final String streamId;
    private final long expected;

    public WrongExpectedVersion(String streamId, long expected, String why) {
        super("stream " + streamId + " is no longer at version " + expected + ": " + why, null, false, false);
        this.streamId = streamId;
        this.expected = expected;
    }

    public String streamId() {
        return streamId;
    }

    public long expected() {
        return expected;
    }
}
