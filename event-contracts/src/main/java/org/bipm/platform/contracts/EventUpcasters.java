package org.bipm.platform.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.bipm.platform.kernel.eventstore.Upcasters;

/**
 * The steps that bring an event published in an older schema version up to the current one, defined
 * once for every reader: the publishing service reading its own store, and each consumer of its topic
 * (cbkt-service's view of membership, the gateway's projections and its rebuild). A new version of an
 * event type comes with its step here, so no reader is left seeing the old shape.
 */
public final class EventUpcasters {

    private EventUpcasters() {
    }

    /** A registry of every step of the four topics (event type names are unique across them). */
    public static Upcasters create() {
        return new Upcasters()
                // bipm.membership.v1
                .step("AccededToConvention", 1, EventUpcasters::accessionFromV1);
    }

    /**
     * {@code AccededToConvention} v1 → v2. v1 told where the accession came from with
     * {@code previousCategory}: ASSOCIATE_STATE, or null when the State did not take part before (a
     * State can only accede from Associate status or from nothing). v2 says that fact itself, as the
     * required {@code fromAssociate}.
     */
    static ObjectNode accessionFromV1(ObjectNode data) {
        JsonNode previousCategory = data.remove("previousCategory");
        data.put("fromAssociate", previousCategory != null && !previousCategory.isNull());
        return data;
    }
}
