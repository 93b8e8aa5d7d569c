package org.bipm.gateway.consistency;

import static io.restassured.RestAssured.given;
import static org.bipm.gateway.TestEvents.LIAISON;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.CompletableFuture;
import org.bipm.gateway.TestEvents;
import org.bipm.gateway.routing.EchoService;
import org.bipm.platform.testing.PlatformStack;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PlatformStack.class)
@WithTestResource(EchoService.class)
class ReadYourWritesTest {

    @Inject
    ObjectMapper json;

    @Test
    void a_read_with_a_token_waits_until_the_write_is_projected() throws Exception {
        String liaison = "L-" + TestEvents.unique();
        try (TestEvents events = new TestEvents(json)) {
            events.publish(LIAISON, liaison, "LiaisonProposed", LocalDate.of(2021, 1, 1),
                    events.data("partner", "WMO", "kind", "AGREEMENT"));
            // the consumers may still be catching up with older events after start: a client retries a 503
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().header("Consistency-Token", "liaison:1:" + liaison)
                    .get("/api/dashboard?asOf=2021-01-01").then().statusCode(200).body("liaisons.byKind.AGREEMENT", notNullValue()));

            // version 2 does not exist yet: the read waits for it
            CompletableFuture<Response> read = CompletableFuture.supplyAsync(() -> given()
                    .header("Consistency-Token", "liaison:2:" + liaison + ",liaison:1:" + liaison)
                    .get("/api/dashboard?asOf=2099-01-01&reviewWithin=P1D"));
            events.publish(LIAISON, liaison, "LiaisonSigned", LocalDate.of(2021, 2, 1),
                    events.data("reviewDueDate", "2026-01-01"));
            read.get().then().statusCode(200)
                    .body("liaisons.dueForReview.id", hasItem(liaison));
        }
    }

    @Test
    void a_write_that_never_arrives_gives_503_with_retry_after() {
        long started = System.nanoTime();
        given().header("Consistency-Token", "membership:1:NEVER-" + TestEvents.unique()).get("/api/countries")
                .then().statusCode(503).contentType("application/problem+json")
                .header("Retry-After", notNullValue())
                .body("type", equalTo("urn:bipm:problem:not-yet-consistent"));
        Duration waited = Duration.ofNanos(System.nanoTime() - started);
        org.assertj.core.api.Assertions.assertThat(waited).isBetween(Duration.ofSeconds(3), Duration.ofSeconds(30));
    }

    @Test
    void tokens_of_unknown_services_or_malformed_are_400() {
        given().header("Consistency-Token", "billing:3:X").get("/api/activity")
                .then().statusCode(400).body("type", equalTo("urn:bipm:problem:consistency-token-unknown-service"));
        given().header("Consistency-Token", "membership:three:FR").get("/api/countries/FR")
                .then().statusCode(400).body("type", equalTo("urn:bipm:problem:consistency-token-invalid"));
    }

}
