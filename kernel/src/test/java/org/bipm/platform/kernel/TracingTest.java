package org.bipm.platform.kernel;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.bipm.platform.kernel.security.Roles;
import org.bipm.platform.testing.PlatformStack;
import org.bipm.platform.testing.Tokens;
import org.bipm.platform.testing.TopicProbe;
import org.junit.jupiter.api.Test;

/** One trace from the HTTP request through the outbox to the Kafka record a consumer continues it from. */
@QuarkusTest
@WithTestResource(PlatformStack.class)
class TracingTest {

    @Test
    void the_published_record_carries_the_trace_of_the_request_that_appended_the_event() {
        String traceId = HexFormat.of().formatHex(randomBytes(16));
        String callerSpan = HexFormat.of().formatHex(randomBytes(8));
        String id = "traced-" + UUID.randomUUID();

        try (TopicProbe topic = TopicProbe.fromNow("kernel.tally.v1")) {
            given().auth().oauth2(Tokens.forRole(Roles.PLATFORM_ADMIN)).contentType(ContentType.JSON)
                    .header("traceparent", "00-" + traceId + "-" + callerSpan + "-01")
                    .body("{\"name\":\"t\",\"effectiveDate\":\"2024-05-20\"}").put("/tallies/" + id)
                    .then().statusCode(201);

            String traceparent = TopicProbe.header(topic.awaitKey(id, 1).getFirst(), "traceparent");
            assertThat(traceparent).matches("00-" + traceId + "-[0-9a-f]{16}-[0-9a-f]{2}");
            assertThat(traceparent.split("-")[2]).as("the service's own span, a child of the caller's").isNotEqualTo(callerSpan);
        }
    }

    @Test
    void a_request_without_a_trace_starts_one_and_publishes_it() {
        String id = "traced-" + UUID.randomUUID();

        try (TopicProbe topic = TopicProbe.fromNow("kernel.tally.v1")) {
            given().auth().oauth2(Tokens.forRole(Roles.PLATFORM_ADMIN)).contentType(ContentType.JSON)
                    .body("{\"name\":\"t\",\"effectiveDate\":\"2024-05-20\"}").put("/tallies/" + id)
                    .then().statusCode(201);

            assertThat(TopicProbe.header(topic.awaitKey(id, 1).getFirst(), "traceparent"))
                    .matches("00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");
        }
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        ThreadLocalRandom.current().nextBytes(bytes);
        bytes[0] |= 1; // never all zeros: an invalid trace id
        return bytes;
    }
}
