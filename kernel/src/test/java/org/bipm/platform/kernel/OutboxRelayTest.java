package org.bipm.platform.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bipm.platform.kernel.command.CommandContext;
import org.bipm.platform.kernel.messaging.CloudEvents;
import org.bipm.platform.kernel.messaging.OutboxRelay;
import org.bipm.platform.kernel.messaging.OutboxRelayService;
import org.bipm.platform.kernel.tally.TallyCommand;
import org.bipm.platform.kernel.tally.TallyCommands;
import org.bipm.platform.testing.PlatformStack;
import org.bipm.platform.testing.TopicProbe;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PlatformStack.class)
class OutboxRelayTest {

    private static final String TOPIC = "kernel.tally.v1";
    private static final LocalDate DAY = LocalDate.of(2024, 5, 20);

    @Inject
    TallyCommands tallies;
    @Inject
    OutboxRelayService relays;
    @Inject
    ObjectMapper json;

    @Test
    void publishes_every_event_once_in_stream_order_with_cloudevents_headers_while_two_relays_race() throws Exception {
        OutboxRelay second = relays.newRelay();
        OutboxRelay first = relays.relay().orElseThrow();
        AtomicBoolean bothActive = new AtomicBoolean();
        try (TopicProbe topic = TopicProbe.fromNow(TOPIC)) {
            second.start("second-relay");
            Thread watcher = Thread.ofPlatform().daemon().start(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    if (first.active() && second.active()) {
                        bothActive.set(true);
                    }
                    Thread.onSpinWait();
                }
            });
            String run = UUID.randomUUID().toString().substring(0, 8);
            List<String> streams = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                streams.add("race-" + run + "-" + i);
            }
            ExecutorService writers = Executors.newFixedThreadPool(8);
            for (String stream : streams) {
                writers.submit(() -> {
                    tallies.handle(stream, new TallyCommand.OpenTally(stream, DAY), CommandContext.system("test"));
                    for (int n = 0; n < 19; n++) {
                        tallies.handle(stream, new TallyCommand.Count(1, DAY), CommandContext.system("test"));
                    }
                });
            }
            writers.shutdown();
            assertThat(writers.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

            List<ConsumerRecord<String, byte[]>> records =
                    topic.await(r -> r.key().startsWith("race-" + run), 200, Duration.ofSeconds(60));
            watcher.interrupt();

            Set<String> ids = new HashSet<>();
            Map<String, Long> lastVersion = new HashMap<>();
            for (ConsumerRecord<String, byte[]> record : records) {
                assertThat(ids.add(TopicProbe.header(record, CloudEvents.ID))).as("no duplicate").isTrue();
                long version = Long.parseLong(TopicProbe.header(record, CloudEvents.STREAM_VERSION));
                assertThat(version).as("per-stream order").isEqualTo(lastVersion.getOrDefault(record.key(), 0L) + 1);
                lastVersion.put(record.key(), version);
            }
            assertThat(records).hasSize(200);
            assertThat(lastVersion.values()).allMatch(v -> v == 20L);
            assertThat(bothActive).as("never two active relays").isFalse();

            Map<String, String> headers = TopicProbe.headers(records.getFirst());
            assertThat(headers).containsEntry(CloudEvents.SPEC_VERSION, "1.0")
                    .containsEntry(CloudEvents.SOURCE, "/kernel-test")
                    .containsEntry(CloudEvents.TYPE, "kernel.tally.TallyOpened")
                    .containsEntry(CloudEvents.SUBJECT, records.getFirst().key())
                    .containsEntry(CloudEvents.CONTENT_TYPE, "application/json")
                    .containsKeys(CloudEvents.TIME, CloudEvents.STREAM_VERSION, CloudEvents.EFFECTIVE_DATE);
            var value = json.readTree(records.getFirst().value());
            assertThat(value.path("eventId").asText()).isEqualTo(headers.get(CloudEvents.ID));
            assertThat(value.path("data").path("name").asText()).isEqualTo(records.getFirst().key());
        } finally {
            second.stop();
        }
    }

    @Test
    void catches_up_with_nothing_lost_after_the_broker_is_stopped_and_restarted() {
        String stream = "outage-" + UUID.randomUUID();
        try (TopicProbe topic = TopicProbe.fromNow(TOPIC)) {
            PlatformStack.stopBroker();
            try {
                tallies.handle(stream, new TallyCommand.OpenTally(stream, DAY), CommandContext.system("test"));
                for (int n = 0; n < 9; n++) {
                    tallies.handle(stream, new TallyCommand.Count(1, DAY), CommandContext.system("test"));
                }
            } finally {
                PlatformStack.ensureBroker();
            }
            List<ConsumerRecord<String, byte[]>> records = topic.await(r -> r.key().equals(stream), 10, Duration.ofSeconds(90));
            assertThat(records).extracting(r -> TopicProbe.header(r, CloudEvents.STREAM_VERSION))
                    .containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9", "10");
        }
    }
}
