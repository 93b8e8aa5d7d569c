package org.bipm.cbkt.projection;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bipm.platform.contracts.EventUpcasters;
import org.bipm.platform.kernel.eventstore.Upcasters;
import org.bipm.platform.kernel.messaging.IdempotentConsumer;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reads {@code bipm.membership.v1} (consumer group cbkt-service) into the funding-eligibility table,
 * each event once; unreadable records go to {@code bipm.membership.v1.dlq}.
 */
@ApplicationScoped
public class MembershipConsumer {

    static final String CONSUMER = "cbkt-service/membership";
    /** Older schema versions on the topic are read at the current one, by the same steps as every reader. */
    private static final Upcasters UPCASTERS = EventUpcasters.create();

    private final IdempotentConsumer consumer;
    private final FundingEligibility eligibility;

    public MembershipConsumer(IdempotentConsumer consumer, FundingEligibility eligibility) {
        this.consumer = consumer;
        this.eligibility = eligibility;
    }

    @Incoming("membership")
    @Blocking
    public void on(ConsumerRecord<String, byte[]> record) {
        consumer.consume(CONSUMER, record, UPCASTERS, (event, raw) -> eligibility.apply(event));
    }
}
