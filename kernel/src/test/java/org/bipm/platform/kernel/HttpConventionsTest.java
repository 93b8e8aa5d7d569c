package org.bipm.platform.kernel;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.UUID;
import org.bipm.platform.kernel.eventstore.EventStore;
import org.bipm.platform.kernel.security.Roles;
import org.bipm.platform.testing.PlatformStack;
import org.bipm.platform.testing.Tokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PlatformStack.class)
class HttpConventionsTest {

    private static final String PROBLEM = "application/problem+json";

    @Inject
    EventStore store;

    private static RequestSpecification admin() {
        return given().auth().oauth2(Tokens.forRole(Roles.PLATFORM_ADMIN)).contentType(ContentType.JSON);
    }

    private static String opened(String id) {
        admin().body("{\"name\":\"t\",\"effectiveDate\":\"2024-05-20\"}").put("/tallies/" + id)
                .then().statusCode(201).header("ETag", "\"1\"").header("Location", startsWith("http"));
        return id;
    }

    @Test
    void a_write_answers_its_stream_version_as_etag_and_a_stale_if_match_gets_412() {
        String id = opened("etag-" + UUID.randomUUID());
        admin().header("If-Match", "\"1\"").body("{\"amount\":2,\"effectiveDate\":\"2024-05-21\"}")
                .post("/tallies/" + id + "/counts")
                .then().statusCode(200).header("ETag", "\"2\"").body("version", equalTo(2));
        admin().header("If-Match", "\"1\"").body("{\"amount\":3,\"effectiveDate\":\"2024-05-21\"}")
                .post("/tallies/" + id + "/counts")
                .then().statusCode(412).contentType(PROBLEM)
                .body("type", equalTo("urn:bipm:problem:precondition-failed"))
                .body("currentVersion", equalTo(2));
        given().get("/tallies/" + id).then().statusCode(200).header("ETag", "\"2\"").body("total", equalTo(2));
    }

    @Test
    void a_replayed_idempotency_key_gets_the_first_answer_and_appends_once() {
        String id = opened("idem-" + UUID.randomUUID());
        String key = UUID.randomUUID().toString();
        String first = admin().header("Idempotency-Key", key).body("{\"amount\":4,\"effectiveDate\":\"2024-05-21\"}")
                .post("/tallies/" + id + "/counts").then().statusCode(200).extract().asString();
        admin().header("Idempotency-Key", key).body("{\"amount\":4,\"effectiveDate\":\"2024-05-21\"}")
                .post("/tallies/" + id + "/counts")
                .then().statusCode(200).header("Idempotent-Replayed", "true").header("ETag", "\"2\"")
                .body(equalTo(first));
        admin().header("Idempotency-Key", key).body("{\"amount\":5,\"effectiveDate\":\"2024-05-21\"}")
                .post("/tallies/" + id + "/counts")
                .then().statusCode(400).contentType(PROBLEM).body("type", equalTo("urn:bipm:problem:idempotency-key-reused"));
        org.assertj.core.api.Assertions.assertThat(store.readStream(id)).hasSize(2);
    }

    @Test
    void writes_need_a_valid_token_with_the_right_role() {
        String body = "{\"name\":\"t\",\"effectiveDate\":\"2024-05-20\"}";
        given().contentType(ContentType.JSON).body(body).put("/tallies/anon")
                .then().statusCode(401).contentType(PROBLEM).header("WWW-Authenticate", "Bearer")
                .body("type", equalTo("urn:bipm:problem:unauthorized"));
        given().auth().oauth2(Tokens.forRole(Roles.LIAISON_OFFICER)).contentType(ContentType.JSON).body(body)
                .put("/tallies/wrong-role")
                .then().statusCode(403).contentType(PROBLEM).body("type", equalTo("urn:bipm:problem:forbidden"));
        given().auth().oauth2("not-a-jwt").contentType(ContentType.JSON).body(body).put("/tallies/garbage")
                .then().statusCode(401).contentType(PROBLEM);
    }

    @Test
    void forged_tokens_are_refused() throws Exception {
        given().auth().oauth2(Tokens.forged(Roles.PLATFORM_ADMIN)).contentType(ContentType.JSON)
                .body("{\"name\":\"t\",\"effectiveDate\":\"2024-05-20\"}").put("/tallies/forged")
                .then().statusCode(401).contentType(PROBLEM);
    }

    @Test
    void bad_input_is_a_400_problem_never_a_500() {
        String id = opened("bad-" + UUID.randomUUID());
        String counts = "/tallies/" + id + "/counts";
        admin().body("{\"amount\":").post(counts).then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("urn:bipm:problem:malformed-body"));
        admin().body("{\"amount\":\"many\",\"effectiveDate\":\"2024-05-21\"}").post(counts)
                .then().statusCode(400).contentType(PROBLEM).body("field", equalTo("amount"));
        admin().body("{\"amount\":1,\"effectiveDate\":\"2024-13-45\"}").post(counts)
                .then().statusCode(400).contentType(PROBLEM).body("field", equalTo("effectiveDate"));
        admin().body("{\"amount\":1,\"effectiveDate\":\"2024-05-21\",\"colour\":\"red\"}").post(counts)
                .then().statusCode(400).contentType(PROBLEM).body("detail", equalTo("unknown field 'colour'"));
        admin().body("{\"amount\":0}").post(counts)
                .then().statusCode(400).contentType(PROBLEM).body("type", equalTo("urn:bipm:problem:validation"))
                .body("violations", hasSize(2));
        admin().body("").post(counts).then().statusCode(400).contentType(PROBLEM);
        admin().body("{\"amount\":\"2\",\"effectiveDate\":\"2024-05-21\"}").post(counts)
                .then().statusCode(400).contentType(PROBLEM).body("field", equalTo("amount"));
        admin().body("{\"name\":5,\"effectiveDate\":\"2024-05-20\"}").put("/tallies/typed-" + UUID.randomUUID())
                .then().statusCode(400).contentType(PROBLEM).body("field", equalTo("name"));
        given().urlEncodingEnabled(false).get("/tallies/nul%00byte")
                .then().statusCode(400).contentType(PROBLEM).body("type", equalTo("urn:bipm:problem:invalid-characters"));
        admin().body("[1,2]").post(counts).then().statusCode(400).contentType(PROBLEM);
        admin().header("If-Match", "yesterday").body("{\"amount\":1,\"effectiveDate\":\"2024-05-21\"}").post(counts)
                .then().statusCode(400).contentType(PROBLEM).body("type", equalTo("urn:bipm:problem:if-match-invalid"));
        given().auth().oauth2(Tokens.forRole(Roles.PLATFORM_ADMIN)).contentType(ContentType.XML).body("<a/>").post(counts)
                .then().statusCode(415).contentType(PROBLEM);
    }

    @Test
    void a_body_over_the_size_limit_is_a_413_problem() {
        String id = opened("large-" + UUID.randomUUID());
        admin().body("{\"amount\":1,\"effectiveDate\":\"2024-05-21\",\"note\":\"" + "x".repeat(1_100_000) + "\"}")
                .post("/tallies/" + id + "/counts")
                .then().statusCode(413).contentType(PROBLEM).body("type", equalTo("urn:bipm:problem:body-too-large"));
    }

    @Test
    void refusals_of_the_domain_are_problems_with_their_own_type() {
        String id = opened("rules-" + UUID.randomUUID());
        admin().body("{\"name\":\"t\",\"effectiveDate\":\"2024-05-20\"}").put("/tallies/" + id)
                .then().statusCode(409).contentType(PROBLEM).body("type", equalTo("urn:bipm:problem:tally-exists"));
        admin().body("{\"amount\":1,\"effectiveDate\":\"2024-01-01\"}").post("/tallies/" + id + "/counts")
                .then().statusCode(409).contentType(PROBLEM)
                .body("type", equalTo("urn:bipm:problem:effective-date-before-latest-fact"));
        given().get("/tallies/nobody").then().statusCode(404).contentType(PROBLEM);
        given().get("/no/such/path").then().statusCode(404);
    }

    @Test
    void readiness_reports_the_outbox_backlog() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'outbox' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'outbox' }.data.topic", equalTo("kernel.tally.v1"));
    }

    @Test
    void metrics_report_commands_appends_and_the_outbox() {
        opened("metrics-" + UUID.randomUUID());
        given().get("/q/metrics").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("platform_commands_seconds_count{command=\"OpenTally\",outcome=\"accepted\""))
                .body(org.hamcrest.Matchers.containsString("platform_eventstore_append_seconds_count"))
                .body(org.hamcrest.Matchers.containsString("platform_outbox_backlog{topic=\"kernel.tally.v1\""))
                .body(org.hamcrest.Matchers.containsString("platform_outbox_oldest_age_seconds"));
    }
}
