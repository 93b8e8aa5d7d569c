package org.bipm.platform.kernel.http;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.bipm.platform.kernel.command.WriteReceipt;

/** How every write answers: 201 + Location when it created the stream, else 200; ETag = stream version. */
public final class Writes {

    public static final String STREAM_ID = "Stream-Id";
    public static final String REPLAYED = "Idempotent-Replayed";

    private Writes() {
    }

    public static Response answer(WriteReceipt receipt, URI streamLocation) {
        Response.ResponseBuilder response = receipt.created()
                ? Response.created(streamLocation)
                : Response.ok();
        response.entity(receipt)
                .tag(etag(receipt.version()))
                .header(STREAM_ID, receipt.streamId());
        if (receipt.replayed()) {
            response.header(REPLAYED, "true");
        }
        return response.build();
    }

    /** The ETag of a stream at a version: what a client sends back in If-Match. */
    public static EntityTag etag(long version) {
        return new EntityTag(Long.toString(version));
    }
}
