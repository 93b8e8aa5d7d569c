package org.bipm.platform.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bipm.platform.kernel.eventstore.EventMetadata;
import org.bipm.platform.kernel.eventstore.EventStore;
import org.bipm.platform.kernel.eventstore.NewEvent;
import org.bipm.platform.kernel.eventstore.RecordedEvent;
import org.bipm.platform.kernel.eventstore.WrongExpectedVersion;
import org.bipm.platform.testing.PlatformStack;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PlatformStack.class)
class EventStoreTest {

    @Inject
    EventStore store;
    @Inject
    ObjectMapper json;

    @Test
    void fifty_concurrent_appends_at_one_expected_version_leave_exactly_one_event() throws Exception {
        String stream = "race-" + UUID.randomUUID();
        append(stream, 0, 1);
        ExecutorService pool = Executors.newFixedThreadPool(50);
        List<Callable<Boolean>> racers = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            racers.add(() -> {
                try {
                    append(stream, 1, 1);
                    return true;
                } catch (WrongExpectedVersion lost) {
                    return false;
                }
            });
        }
        List<Boolean> outcomes = new ArrayList<>();
        for (Future<Boolean> outcome : pool.invokeAll(racers)) {
            outcomes.add(outcome.get());
        }
        pool.shutdown();

        assertThat(outcomes).filteredOn(won -> won).hasSize(1);
        assertThat(store.readStream(stream)).extracting(RecordedEvent::version).containsExactly(1L, 2L);
    }

    @Test
    void an_append_at_a_version_the_stream_has_not_reached_is_refused() {
        String stream = "gap-" + UUID.randomUUID();
        append(stream, 0, 2);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> append(stream, 5, 1))
                .isInstanceOf(WrongExpectedVersion.class);
        assertThat(store.currentVersion(stream)).isEqualTo(2);
    }

    @Test
    void reads_a_stream_in_version_order_and_everything_from_a_global_position() {
        String first = "read-" + UUID.randomUUID();
        String second = "read-" + UUID.randomUUID();
        List<RecordedEvent> a = append(first, 0, 2);
        append(second, 0, 1);
        append(first, 2, 1);

        assertThat(store.readStream(first)).extracting(RecordedEvent::version).containsExactly(1L, 2L, 3L);
        List<RecordedEvent> all = store.readAll(a.getFirst().position() - 1, 100);
        assertThat(all).extracting(RecordedEvent::streamId).containsSubsequence(first, first, second, first);
        assertThat(all).extracting(RecordedEvent::position).isSorted();
        RecordedEvent read = store.readStream(second).getFirst();
        assertThat(read.type()).isEqualTo("Counted");
        assertThat(read.schemaVersion()).isEqualTo(2);
        assertThat(read.effectiveDate()).isEqualTo(LocalDate.of(2023, 3, 1));
        assertThat(read.metadata().actor()).isEqualTo("test");
        assertThat(read.data().path("amount").asInt()).isEqualTo(1);
    }

    @Test
    void an_event_that_does_not_match_its_published_schema_is_not_appended() {
        String stream = "schema-" + UUID.randomUUID();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() ->
                        store.append(stream, 0, List.of(new NewEvent(UUID.randomUUID(), "Counted", 2, LocalDate.of(2023, 3, 1),
                                json.createObjectNode().put("amount", "many"), new EventMetadata("test", null, null))))))
                .hasMessageContaining("does not match its schema");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() ->
                        store.append(stream, 0, List.of(new NewEvent(UUID.randomUUID(), "Uncharted", 1, LocalDate.of(2023, 3, 1),
                                json.createObjectNode(), new EventMetadata("test", null, null))))))
                .hasMessageContaining("no JSON Schema");
        assertThat(store.currentVersion(stream)).isZero();
    }

    private List<RecordedEvent> append(String stream, long expected, int count) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<NewEvent> events = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                events.add(new NewEvent(UUID.randomUUID(), "Counted", 2, LocalDate.of(2023, 3, 1),
                        json.createObjectNode().put("amount", 1).put("effectiveDate", "2023-03-01"),
                        new EventMetadata("test", "corr", null)));
            }
            return store.append(stream, expected, events);
        });
    }
}
