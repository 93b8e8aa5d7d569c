package org.bipm.gateway.routing;

import java.util.ArrayList;
import java.util.List;

/**
 * Names one write: the service, the stream and the version the write produced, as
 * {@code <service>:<version>:<streamId>} (the stream id last, so it may contain any character).
 * A client may send several, comma-separated, to wait for all of them.
 */
public record ConsistencyToken(String service, String streamId, long version) {

    public static final String HEADER = "Consistency-Token";

    @Override
    public String toString() {
        return service + ":" + version + ":" + streamId;
    }

    /** Parses a header value; a malformed token is refused (400), never ignored. */
    public static List<ConsistencyToken> parseAll(String header) {
        List<ConsistencyToken> tokens = new ArrayList<>();
        if (header == null || header.isBlank()) {
            return tokens;
        }
        for (String part : header.split(",")) {
            String[] fields = part.trim().split(":", 3);
            try {
                if (fields.length == 3 && !fields[0].isBlank() && !fields[2].isBlank()) {
                    tokens.add(new ConsistencyToken(fields[0], fields[2], Long.parseLong(fields[1])));
                    continue;
                }
            } catch (NumberFormatException ignored) {
                // reported below
            }
            throw org.bipm.platform.kernel.domain.Rejection.invalid("consistency-token-invalid",
                    "Consistency-Token '" + part.trim() + "' is not of the form <service>:<version>:<stream>");
        }
        return tokens;
    }
}
