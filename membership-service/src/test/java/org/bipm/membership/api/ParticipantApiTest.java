package org.bipm.membership.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bipm.platform.kernel.security.Roles;
import org.bipm.platform.testing.PlatformStack;
import org.bipm.platform.testing.Tokens;
import org.bipm.platform.testing.TopicProbe;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PlatformStack.class)
class ParticipantApiTest {

    private static final String TOPIC = "bipm.membership.v1";
    private static final String PROBLEM = "application/problem+json";
    private static final String PARTICIPANTS = "/api/membership/participants/";

    /** A participant code no earlier run used: the test database and topic keep their data. */
    private static String freshCode() {
        return "T" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase(Locale.ROOT);
    }

    private static RequestSpecification officer() {
        return given().auth().oauth2(Tokens.forRole(Roles.MEMBERSHIP_OFFICER)).contentType(ContentType.JSON);
    }

    private static ValidatableResponse admit(String code, LocalDate on) {
        return officer().body("""
                        {"name": "Test State %s", "category": "ASSOCIATE_STATE", "effectiveDate": "%s"}""".formatted(code, on))
                .post(PARTICIPANTS + code + "/associate-admission").then();
    }

    @Test
    void a_command_answers_201_with_an_etag_and_its_event_reaches_the_topic_with_cloudevents_headers() {
        String code = freshCode();
        try (TopicProbe topic = TopicProbe.fromNow(TOPIC)) {
            String eventId = officer().body("""
                            {"name": "Testland", "effectiveDate": "2023-03-01", "datePrecision": "MONTH", "source": "annex"}""")
                    .post(PARTICIPANTS + code + "/accession")
                    .then().statusCode(201).header("ETag", "\"1\"").header("Stream-Id", code)
                    .header("Location", startsWith("http")).header("Location", org.hamcrest.Matchers.endsWith(PARTICIPANTS + code))
                    .body("events[0].type", equalTo("AccededToConvention"))
                    .extract().path("events[0].eventId");

            ConsumerRecord<String, byte[]> record = topic.awaitKey(code, 1).getFirst();
            assertThat(TopicProbe.header(record, "ce_id")).isEqualTo(eventId);
            assertThat(TopicProbe.header(record, "ce_type")).isEqualTo("bipm.membership.AccededToConvention");
            assertThat(TopicProbe.header(record, "ce_source")).isEqualTo("/membership-service");
            assertThat(TopicProbe.header(record, "ce_subject")).isEqualTo(code);
            assertThat(TopicProbe.header(record, "ce_specversion")).isEqualTo("1.0");
            assertThat(TopicProbe.header(record, "ce_streamversion")).isEqualTo("1");
            assertThat(TopicProbe.header(record, "ce_schemaversion")).isEqualTo("2");
            assertThat(TopicProbe.header(record, "ce_time")).isNotBlank();
            assertThat(TopicProbe.value(record)).contains("\"name\":\"Testland\"", "\"fromAssociate\":false", "\"datePrecision\":\"MONTH\"");
        }
        given().get(PARTICIPANTS + code).then().statusCode(200).header("ETag", "\"1\"")
                .body("code", equalTo(code)).body("category", equalTo("MEMBER_STATE")).body("status", equalTo("ACTIVE"));
    }

    @Test
    void a_stale_if_match_gets_412_and_changes_nothing() {
        String code = freshCode();
        admit(code, LocalDate.of(2023, 3, 1)).statusCode(201);
        officer().header("If-Match", "\"1\"").body("""
                        {"rmo": "SIM", "effectiveDate": "2023-04-01"}""")
                .post(PARTICIPANTS + code + "/rmo").then().statusCode(200).header("ETag", "\"2\"");
        officer().header("If-Match", "\"1\"").body("""
                        {"rmo": "APMP", "effectiveDate": "2023-04-02"}""")
                .post(PARTICIPANTS + code + "/rmo")
                .then().statusCode(412).contentType(PROBLEM).header("ETag", "\"2\"")
                .body("type", equalTo("urn:bipm:problem:precondition-failed"));
        given().get(PARTICIPANTS + code).then().statusCode(200).header("ETag", "\"2\"").body("rmo", equalTo("SIM"));
    }

    @Test
    void a_replayed_idempotency_key_gets_the_same_answer_and_publishes_one_event() {
        String code = freshCode();
        String key = UUID.randomUUID().toString();
        String body = """
                {"name": "CARICOM test", "category": "ASSOCIATE_ECONOMY", "effectiveDate": "2023-03-01",
                 "composition": [{"code": "BB", "name": "Barbados"}, {"code": "TT", "name": "Trinidad and Tobago"}]}""";
        try (TopicProbe topic = TopicProbe.fromNow(TOPIC)) {
            String first = officer().header("Idempotency-Key", key).body(body).post(PARTICIPANTS + code + "/associate-admission")
                    .then().statusCode(201).extract().asString();
            officer().header("Idempotency-Key", key).body(body).post(PARTICIPANTS + code + "/associate-admission")
                    .then().statusCode(201).header("Idempotent-Replayed", "true").header("ETag", "\"1\"").body(equalTo(first));
            // a later event of the same stream: a duplicate of the first would have been published before it
            officer().body("""
                    {"effectiveDate": "2023-03-02"}""").post(PARTICIPANTS + code + "/mra-signature").then().statusCode(200);

            List<String> types = topic.awaitKey(code, 2).stream().map(r -> TopicProbe.header(r, "ce_type")).toList();
            assertThat(types).containsExactly("bipm.membership.AssociateAdmitted", "bipm.membership.CipmMraSigned");
        }
        given().get(PARTICIPANTS + code + "/history").then().statusCode(200).header("ETag", "\"2\"")
                .body("type", equalTo(List.of("AssociateAdmitted", "CipmMraSigned")))
                .body("[0].data.composition.code", equalTo(List.of("BB", "TT")));
    }

    @Test
    void as_of_queries_answer_the_state_before_and_after_an_accession() {
        String code = freshCode();
        // a day no other participant uses, so the summary's change between the two days is this accession alone
        LocalDate accession = LocalDate.of(2200, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(100_000));
        LocalDate dayBefore = accession.minusDays(1);
        admit(code, accession.minusYears(1)).statusCode(201);
        officer().body("""
                {"effectiveDate": "%s"}""".formatted(accession)).post(PARTICIPANTS + code + "/accession")
                .then().statusCode(200).header("ETag", "\"2\"").body("events[0].type", equalTo("AccededToConvention"));

        given().queryParam("asOf", accession.minusYears(1).minusDays(1).toString()).get(PARTICIPANTS)
                .then().statusCode(200).body("code", not(hasItem(code)));
        given().queryParam("asOf", dayBefore.toString()).queryParam("category", "ASSOCIATE_STATE").get(PARTICIPANTS)
                .then().statusCode(200).body("code", hasItem(code));
        given().queryParam("asOf", accession.toString()).queryParam("category", "ASSOCIATE_STATE").get(PARTICIPANTS)
                .then().statusCode(200).body("code", not(hasItem(code)));
        given().queryParam("asOf", accession.toString()).queryParam("category", "member_state").queryParam("status", "ACTIVE")
                .get(PARTICIPANTS).then().statusCode(200).body("code", hasItem(code));

        Summary before = summary(dayBefore);
        Summary after = summary(accession);
        assertThat(after.memberStates()).isEqualTo(before.memberStates() + 1);
        assertThat(after.associates()).isEqualTo(before.associates() - 1);
        assertThat(after.associateStates()).isEqualTo(before.associateStates() - 1);
        given().get(PARTICIPANTS + code + "/history").then().statusCode(200)
                .body("type", equalTo(List.of("AssociateAdmitted", "AccededToConvention")))
                .body("[1].data.fromAssociate", equalTo(true));
    }

    private record Summary(int memberStates, int associates, int associateStates) {
    }

    private static Summary summary(LocalDate asOf) {
        var json = given().queryParam("asOf", asOf.toString()).get("/api/membership/summary")
                .then().statusCode(200).body("asOf", equalTo(asOf.toString())).body("byRmo", hasKey("GULFMET"))
                .extract().jsonPath();
        return new Summary(json.getInt("memberStates"), json.getInt("associates"), json.getInt("byCategory.ASSOCIATE_STATE"));
    }

    @Test
    void suspension_and_withdrawal_show_in_the_status_and_later_changes_are_refused() {
        String code = freshCode();
        admit(code, LocalDate.of(2023, 3, 1)).statusCode(201);
        officer().body("""
                {"reason": "arrears", "effectiveDate": "2024-01-01"}""").post(PARTICIPANTS + code + "/suspension")
                .then().statusCode(200);
        given().queryParam("status", "SUSPENDED").get(PARTICIPANTS).then().statusCode(200).body("code", hasItem(code));
        officer().body("""
                {"effectiveDate": "2024-02-01"}""").post(PARTICIPANTS + code + "/withdrawal").then().statusCode(200);
        officer().body("""
                {"effectiveDate": "2024-03-01"}""").post(PARTICIPANTS + code + "/reinstatement")
                .then().statusCode(409).contentType(PROBLEM).body("type", equalTo("urn:bipm:problem:participant-withdrawn"));
        given().queryParam("asOf", "2024-01-15").get(PARTICIPANTS).then().statusCode(200)
                .body("find { it.code == '%s' }.status".formatted(code), equalTo("SUSPENDED"));
        given().get(PARTICIPANTS + code).then().statusCode(200).body("status", equalTo("WITHDRAWN"));
    }

    @Test
    void refusals_of_the_domain_are_problems_with_their_own_type() {
        String code = freshCode();
        admit(code, LocalDate.of(2023, 3, 1)).statusCode(201);
        admit(code, LocalDate.of(2023, 3, 2))
                .statusCode(409).contentType(PROBLEM).body("type", equalTo("urn:bipm:problem:participant-exists"));
        officer().body("""
                {"rmo": "SIM", "effectiveDate": "2020-01-01"}""").post(PARTICIPANTS + code + "/rmo")
                .then().statusCode(409).contentType(PROBLEM)
                .body("type", equalTo("urn:bipm:problem:effective-date-before-latest-fact"));
        officer().body("""
                {"rmo": "OIML", "effectiveDate": "2024-01-01"}""").post(PARTICIPANTS + code + "/rmo")
                .then().statusCode(400).contentType(PROBLEM).body("type", equalTo("urn:bipm:problem:unknown-rmo"));
        officer().body("""
                {"effectiveDate": "2024-01-01"}""").post(PARTICIPANTS + freshCode() + "/withdrawal")
                .then().statusCode(404).contentType(PROBLEM).body("type", equalTo("urn:bipm:problem:participant-not-found"));
        given().get(PARTICIPANTS + freshCode()).then().statusCode(404).contentType(PROBLEM);
        given().get(PARTICIPANTS + freshCode() + "/history").then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void writes_need_a_token_with_the_membership_officer_role_and_reads_are_anonymous() {
        String body = """
                {"name": "Nowhere", "effectiveDate": "2023-03-01"}""";
        given().contentType(ContentType.JSON).body(body).post(PARTICIPANTS + freshCode() + "/accession")
                .then().statusCode(401).contentType(PROBLEM).body("type", equalTo("urn:bipm:problem:unauthorized"));
        given().auth().oauth2(Tokens.forRole(Roles.LIAISON_OFFICER)).contentType(ContentType.JSON).body(body)
                .post(PARTICIPANTS + freshCode() + "/accession")
                .then().statusCode(403).contentType(PROBLEM).body("type", equalTo("urn:bipm:problem:forbidden"));
        given().auth().oauth2(Tokens.rmoSecretariat("SIM")).contentType(ContentType.JSON).body(body)
                .post(PARTICIPANTS + freshCode() + "/accession").then().statusCode(403).contentType(PROBLEM);
        given().get("/api/membership/summary").then().statusCode(200);
        given().get(PARTICIPANTS).then().statusCode(200);
    }

    @Test
    void bad_input_is_a_400_problem_never_a_500() {
        String code = freshCode();
        String accession = PARTICIPANTS + code + "/accession";
        officer().body("{\"name\": \"Testland\", ").post(accession)
                .then().statusCode(400).contentType(PROBLEM).body("type", equalTo("urn:bipm:problem:malformed-body"));
        officer().body("""
                {"name": ["Testland"], "effectiveDate": "2023-03-01"}""").post(accession)
                .then().statusCode(400).contentType(PROBLEM).body("field", equalTo("name"));
        officer().body("""
                {"name": "Testland", "effectiveDate": 20230301}""").post(accession)
                .then().statusCode(400).contentType(PROBLEM).body("field", equalTo("effectiveDate"));
        officer().body("""
                {"name": "Testland", "effectiveDate": "2023-02-30"}""").post(accession)
                .then().statusCode(400).contentType(PROBLEM).body("field", equalTo("effectiveDate"));
        officer().body("""
                {"name": "Testland", "effectiveDate": "2023-03-01", "datePrecision": "WEEK"}""").post(accession)
                .then().statusCode(400).contentType(PROBLEM).body("field", equalTo("datePrecision"));
        officer().body("""
                {"name": "Testland", "effectiveDate": "2023-03-01", "joined": true}""").post(accession)
                .then().statusCode(400).contentType(PROBLEM).body("detail", equalTo("unknown field 'joined'"));
        officer().body("""
                {"name": "Testland"}""").post(accession)
                .then().statusCode(400).contentType(PROBLEM).body("type", equalTo("urn:bipm:problem:validation"));
        officer().body("""
                {"name": "Testland", "effectiveDate": "2023-03-01"}""").post(PARTICIPANTS + "kr/accession")
                .then().statusCode(400).contentType(PROBLEM).body("type", equalTo("urn:bipm:problem:invalid-participant-code"));
        given().get(PARTICIPANTS + "Korea").then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("urn:bipm:problem:invalid-participant-code"));

        for (String asOf : List.of("2023-02-30", "March 2023", "2023-3-1")) {
            given().queryParam("asOf", asOf).get("/api/membership/summary")
                    .then().statusCode(400).contentType(PROBLEM).body("type", equalTo("urn:bipm:problem:invalid-query-parameter"));
            given().queryParam("asOf", asOf).get(PARTICIPANTS)
                    .then().statusCode(400).contentType(PROBLEM).body("type", equalTo("urn:bipm:problem:invalid-query-parameter"));
        }
        given().queryParam("category", "OBSERVER").get(PARTICIPANTS)
                .then().statusCode(400).contentType(PROBLEM).body("type", equalTo("urn:bipm:problem:invalid-query-parameter"));
        given().queryParam("rmo", "OIML").get(PARTICIPANTS)
                .then().statusCode(400).contentType(PROBLEM).body("type", equalTo("urn:bipm:problem:unknown-rmo"));
        given().get(PARTICIPANTS + code).then().statusCode(404);
    }

    @Test
    void the_openapi_document_describes_every_endpoint() {
        var paths = given().get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath().getMap("paths");
        assertThat(paths).containsKeys("/api/membership/participants", "/api/membership/participants/{code}",
                "/api/membership/participants/{code}/history", "/api/membership/summary");
        for (String command : List.of("associate-admission", "accession", "rmo", "suspension", "reinstatement", "withdrawal",
                "exclusion", "mra-signature", "designated-institutes")) {
            assertThat(paths).containsKey("/api/membership/participants/{code}/" + command);
        }
    }
}
