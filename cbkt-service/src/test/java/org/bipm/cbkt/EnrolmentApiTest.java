package org.bipm.cbkt;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.bipm.cbkt.CbktFixtures.COORDINATOR;
import static org.bipm.cbkt.CbktFixtures.application;
import static org.bipm.cbkt.CbktFixtures.apply;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bipm.platform.testing.PlatformStack;
import org.bipm.platform.testing.TopicProbe;
import org.bipm.platform.testing.Tokens;
import org.junit.jupiter.api.Test;

/** The HTTP contract of activities and enrolments: roles, outcomes, promotions, problems, events on the topic. */
@QuarkusTest
@WithTestResource(PlatformStack.class)
class EnrolmentApiTest {

    private static final String SIM = Tokens.rmoSecretariat("SIM");
    private static final String APMP = Tokens.rmoSecretariat("APMP");

    @Test
    void a_withdrawal_promotes_the_earliest_waitlisted_application_that_fits_and_publishes_both_events() {
        String activity = CbktFixtures.publishedActivity(2, 1, 1);
        String email = activity + "@example.org";
        assertThat(apply(SIM, activity, application("One", "1-" + email, "QX", null, false)).then().statusCode(201)
                .extract().path("outcome").toString()).isEqualTo("ACCEPTED");
        apply(SIM, activity, application("Two", "2-" + email, "QX", null, false)).then().statusCode(201)
                .body("applicationId", equalTo("A0002")).body("outcome", equalTo("WAITLISTED")).body("reason", equalTo("RMO_SEATS_FULL"));
        apply(APMP, activity, application("Three", "3-" + email, "QX", null, false)).then().statusCode(201)
                .body("outcome", equalTo("ACCEPTED"));
        apply(COORDINATOR, activity, application("Four", "4-" + email, "QX", "EURAMET", false)).then().statusCode(201)
                .header("Location", endsWith("/api/cbkt/activities/" + activity + "/enrolments/A0004"))
                .body("outcome", equalTo("WAITLISTED")).body("reason", equalTo("SEATS_FULL"));

        try (TopicProbe topic = TopicProbe.fromNow("bipm.cbkt.v1")) {
            // APMP withdraws its participant: A0002 (SIM, whose seat is still taken) is skipped, A0004 promoted
            given().auth().oauth2(APMP).contentType(ContentType.JSON).body("{}")
                    .post("/api/cbkt/activities/{id}/enrolments/A0003/withdrawal", activity)
                    .then().statusCode(200).header("ETag", "\"8\"")
                    .body("events.type", equalTo(List.of("ApplicationWithdrawn", "ApplicationPromoted")));
            List<ConsumerRecord<String, byte[]>> records = topic.awaitKey(activity, 2);
            assertThat(records).extracting(r -> TopicProbe.header(r, "ce_type"))
                    .containsExactly("bipm.cbkt.ApplicationWithdrawn", "bipm.cbkt.ApplicationPromoted");
            ConsumerRecord<String, byte[]> promoted = records.get(1);
            assertThat(TopicProbe.headers(promoted)).containsKeys("ce_id", "ce_source", "ce_time", "ce_specversion")
                    .containsEntry("ce_subject", activity).containsEntry("ce_streamversion", "8").containsEntry("ce_source", "/cbkt-service");
            assertThat(TopicProbe.value(promoted)).contains("\"applicationId\":\"A0004\"");
        }
        given().get("/api/cbkt/activities/{id}/enrolments/A0004", activity).then().statusCode(200)
                .body("standing", equalTo("ACCEPTED")).body("outcome", equalTo("WAITLISTED")).body("promotedOn", equalTo(CbktFixtures.today().toString()));
        given().get("/api/cbkt/activities/{id}/enrolments/A0002", activity).then().body("standing", equalTo("WAITLISTED"));
        given().get("/api/cbkt/activities/{id}", activity).then().statusCode(200)
                .body("counts.accepted", equalTo(2)).body("counts.waitlisted", equalTo(1)).body("counts.withdrawn", equalTo(1))
                .body("counts.byRmo.EURAMET.accepted", equalTo(1)).body("counts.seatsLeft", equalTo(0));

        // SIM's seat frees: now A0002 fits
        given().auth().oauth2(SIM).contentType(ContentType.JSON).body("{}")
                .post("/api/cbkt/activities/{id}/enrolments/A0001/withdrawal", activity)
                .then().statusCode(200).body("events.type", equalTo(List.of("ApplicationWithdrawn", "ApplicationPromoted")));
        given().get("/api/cbkt/activities/{id}/enrolments", activity).then().statusCode(200)
                .body("standing", equalTo(List.of("WITHDRAWN", "ACCEPTED", "WITHDRAWN", "ACCEPTED")));
    }

    @Test
    void an_rmo_secretariat_cannot_apply_or_withdraw_for_another_rmo() {
        String activity = CbktFixtures.publishedActivity(30, 5, 3);
        apply(SIM, activity, application("Other", activity + "@example.org", "PE", "APMP", false)).then().statusCode(403)
                .contentType("application/problem+json").body("type", equalTo("urn:bipm:problem:forbidden"))
                .body("detail", containsString("SIM"));
        apply(Tokens.forRole("rmo-secretariat"), activity, application("No claim", "nc-" + activity + "@example.org", "PE", null, false))
                .then().statusCode(403).contentType("application/problem+json");
        apply(SIM, activity, application("Own", activity + "@example.org", "PE", "SIM", false)).then().statusCode(201);
        given().auth().oauth2(APMP).contentType(ContentType.JSON).body("{}")
                .post("/api/cbkt/activities/{id}/enrolments/A0001/withdrawal", activity)
                .then().statusCode(403).contentType("application/problem+json");
        apply(Tokens.forRole("communications-officer"), activity, application("X", "x-" + activity + "@example.org", "PE", "SIM", false))
                .then().statusCode(403).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(application("X", "y@example.org", "PE", "SIM", false))
                .post("/api/cbkt/activities/{id}/applications", activity).then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void refusals_are_conflict_problems_with_their_rule() {
        String activity = CbktFixtures.publishedActivity(30, 5, 3);
        String email = "dup-" + activity + "@example.org";
        apply(SIM, activity, application("Dup", email, "PE", null, false)).then().statusCode(201);
        apply(COORDINATOR, activity, application("Dup again", email.toUpperCase(), "PE", "APMP", false)).then().statusCode(409)
                .contentType("application/problem+json").body("type", equalTo("urn:bipm:problem:duplicate-participant"));
        apply(SIM, "no-such-activity", application("X", email, "PE", null, false)).then().statusCode(404)
                .body("type", equalTo("urn:bipm:problem:activity-not-found"));

        given().auth().oauth2(COORDINATOR).contentType(ContentType.JSON).body(Map.of("reason", "test"))
                .post("/api/cbkt/activities/{id}/cancellation", activity).then().statusCode(200)
                .body("events.type", equalTo(List.of("ActivityCancelled", "ApplicationWithdrawn")));
        apply(SIM, activity, application("Late", "late-" + email, "PE", null, false)).then().statusCode(409)
                .body("type", equalTo("urn:bipm:problem:activity-cancelled"));
        given().get("/api/cbkt/activities/{id}", activity).then().body("status", equalTo("CANCELLED")).body("counts.accepted", equalTo(0));

        String closed = CbktFixtures.uniqueId("t");
        given().auth().oauth2(COORDINATOR).contentType(ContentType.JSON)
                .body(Map.of("id", closed, "title", "Closed", "type", "WEBINAR", "delivery", "ONLINE",
                        "schedule", Map.of("applicationDeadline", CbktFixtures.today().minusDays(1).toString())))
                .post("/api/cbkt/activities").then().statusCode(201).header("Location", containsString("/api/cbkt/activities/" + closed));
        given().auth().oauth2(COORDINATOR).contentType(ContentType.JSON).body("{}")
                .post("/api/cbkt/activities/{id}/publication", closed).then().statusCode(200);
        apply(SIM, closed, application("Late", "late2-" + email, "PE", null, false)).then().statusCode(409)
                .body("type", equalTo("urn:bipm:problem:application-deadline-passed"));
    }

    @Test
    void bad_input_is_a_400_problem() {
        given().auth().oauth2(COORDINATOR).contentType(ContentType.JSON).body(Map.of("id", "Not An Id", "type", "FORUM", "delivery", "ONLINE"))
                .post("/api/cbkt/activities").then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:bipm:problem:validation")).body("violations.field", org.hamcrest.Matchers.hasItems("id", "title"));
        given().auth().oauth2(COORDINATOR).contentType(ContentType.JSON)
                .body(Map.of("id", "bad-dates", "title", "T", "type", "FORUM", "delivery", "ONLINE",
                        "schedule", Map.of("startDate", "2023-09-01", "applicationDeadline", "2023-10-01")))
                .post("/api/cbkt/activities").then().statusCode(400).body("type", equalTo("urn:bipm:problem:deadline-after-start"));
        given().auth().oauth2(COORDINATOR).contentType(ContentType.JSON).body("{\"id\": \"x-y-z\", \"title\": \"T\", \"type\": \"PICNIC\"}")
                .post("/api/cbkt/activities").then().statusCode(400).body("type", equalTo("urn:bipm:problem:malformed-body"));

        String activity = CbktFixtures.publishedActivity(30, 5, 3);
        apply(SIM, activity, application("Bad", "not-an-email", "Peru", null, false)).then().statusCode(400)
                .contentType("application/problem+json").body("violations.field", org.hamcrest.Matchers.hasItems("email", "country"));
        apply(SIM, activity, Map.of("participant", Map.of("name", "N", "email", "n@example.org", "institute", "I", "country", "PE"),
                "fundingRequested", "maybe")).then().statusCode(400).body("type", equalTo("urn:bipm:problem:malformed-body"));
        apply(COORDINATOR, activity, application("No RMO", "norm@example.org", "PE", null, false)).then().statusCode(400)
                .body("type", equalTo("urn:bipm:problem:rmo-missing"));
        apply(COORDINATOR, activity, application("Bad RMO", "badrmo@example.org", "PE", "NOPE", false)).then().statusCode(400)
                .body("type", equalTo("urn:bipm:problem:unknown-rmo"));
        given().get("/api/cbkt/activities?type=PICNIC").then().statusCode(400).body("type", equalTo("urn:bipm:problem:invalid-query-parameter"));
        given().get("/api/cbkt/statistics?year=twenty").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void personal_fields_are_shown_only_to_coordinators_and_the_nominating_rmo_and_a_retry_replays_the_outcome() {
        String activity = CbktFixtures.publishedActivity(30, 5, 3);
        String email = "visible-" + activity + "@example.org";
        var first = given().auth().oauth2(SIM).contentType(ContentType.JSON).header("Idempotency-Key", "apply-" + activity)
                .body(application("Ada Visible", email, "PE", null, true)).post("/api/cbkt/activities/{id}/applications", activity)
                .then().statusCode(201).extract();
        given().auth().oauth2(SIM).contentType(ContentType.JSON).header("Idempotency-Key", "apply-" + activity)
                .body(application("Ada Visible", email, "PE", null, true)).post("/api/cbkt/activities/{id}/applications", activity)
                .then().statusCode(201).header("Idempotent-Replayed", "true")
                .body("applicationId", equalTo("A0001")).body("personRef", equalTo(first.path("personRef")))
                .body("outcome", equalTo(first.path("outcome").toString()));

        String path = "/api/cbkt/activities/{id}/enrolments";
        given().auth().oauth2(COORDINATOR).get(path, activity).then().statusCode(200).body("$", hasSize(1))
                .body("[0].name", equalTo("Ada Visible")).body("[0].email", equalTo(email)).body("[0].personalDataErased", equalTo(false));
        given().auth().oauth2(SIM).get(path, activity).then().body("[0].name", equalTo("Ada Visible"));
        given().auth().oauth2(APMP).get(path, activity).then().body("[0].name", nullValue()).body("[0].personRef", nullValue())
                .body("[0].country", equalTo("PE"));
        given().get(path, activity).then().body("[0].name", nullValue()).body("[0].email", nullValue()).body("[0].rmo", equalTo("SIM"));
        given().auth().oauth2(COORDINATOR).get("/api/cbkt/participants/{ref}/enrolments", first.path("personRef").toString())
                .then().statusCode(200).body("[0].activityId", equalTo(activity)).body("[0].name", equalTo("Ada Visible"));
        given().get("/api/cbkt/participants/{ref}/enrolments", first.path("personRef").toString()).then().statusCode(401);
    }

    @Test
    void completion_is_recorded_per_participant_and_counted_in_the_statistics() {
        String activity = CbktFixtures.publishedActivity(null, null, null);
        apply(SIM, activity, application("Done", "done-" + activity + "@example.org", "PE", null, false)).then().statusCode(201);
        apply(SIM, activity, application("Waiting", "wait-" + activity + "@example.org", "BR", null, false)).then().statusCode(201);
        String thisYear = "/api/cbkt/statistics?type=WORKSHOP&year=" + CbktFixtures.today().getYear();
        long before = given().get(thisYear).then().statusCode(200).extract().jsonPath().getLong("completions");
        given().auth().oauth2(SIM).contentType(ContentType.JSON).body("{}")
                .post("/api/cbkt/activities/{id}/enrolments/A0001/completion", activity).then().statusCode(403);
        given().auth().oauth2(COORDINATOR).contentType(ContentType.JSON).body("{}")
                .post("/api/cbkt/activities/{id}/enrolments/A0001/completion", activity).then().statusCode(200)
                .body("events[0].type", equalTo("CompletionRecorded"));
        given().auth().oauth2(COORDINATOR).contentType(ContentType.JSON).body("{}")
                .post("/api/cbkt/activities/{id}/enrolments/A0001/completion", activity).then().statusCode(409)
                .body("type", equalTo("urn:bipm:problem:completion-already-recorded"));
        var statistics = given().get(thisYear).then().statusCode(200).extract().jsonPath();
        assertThat(statistics.getLong("completions")).isEqualTo(before + 1);
        assertThat(statistics.getLong("participations")).isGreaterThanOrEqualTo(2);
        assertThat(statistics.getLong("distinctCountries")).isGreaterThanOrEqualTo(2);
        assertThat(statistics.getList("byTypeAndYear.type")).containsOnly("WORKSHOP");
        given().get("/api/cbkt/activities?type=WORKSHOP&status=PUBLISHED").then().statusCode(200)
                .body("activityId", org.hamcrest.Matchers.hasItem(activity));
    }

    @Test
    void the_openapi_document_describes_the_cbkt_api() {
        given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200)
                .body("paths", org.hamcrest.Matchers.hasKey("/api/cbkt/activities/{id}/applications"))
                .body("paths", org.hamcrest.Matchers.hasKey("/api/cbkt/participants/{personRef}/erasure"))
                .body("paths", org.hamcrest.Matchers.hasKey("/api/cbkt/statistics"));
    }
}
