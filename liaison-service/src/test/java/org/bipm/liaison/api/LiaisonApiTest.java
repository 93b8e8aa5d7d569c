package org.bipm.liaison.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bipm.liaison.domain.LiaisonCommand.ProposeLiaison;
import org.bipm.liaison.domain.LiaisonKey;
import org.bipm.liaison.domain.LiaisonKind;
import org.bipm.liaison.domain.Partner;
import org.bipm.liaison.service.LiaisonCommands;
import org.bipm.platform.kernel.command.CommandContext;
import org.bipm.platform.kernel.domain.DatePrecision;
import org.bipm.platform.kernel.domain.Rejection;
import org.bipm.platform.kernel.security.Roles;
import org.bipm.platform.testing.PlatformStack;
import org.bipm.platform.testing.Tokens;
import org.bipm.platform.testing.TopicProbe;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PlatformStack.class)
class LiaisonApiTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String LIAISONS = "/api/liaison/liaisons";
    private static final String TOPIC = "bipm.liaison.v1";

    @Inject
    LiaisonCommands commands;
    @Inject
    ObjectMapper json;

    /** A partner acronym of its own per test: the test database keeps data between runs. */
    private static String newPartner() {
        return "T" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
    }

    private static RequestSpecification officer() {
        return given().auth().oauth2(Tokens.forRole(Roles.LIAISON_OFFICER)).contentType(ContentType.JSON);
    }

    private static String proposal(String acronym, String kind, String subject, String date) {
        return """
                {"partner":{"acronym":"%s","fullName":"Test organization %s"},"kind":"%s","subject":"%s","effectiveDate":"%s"}"""
                .formatted(acronym, acronym, kind, subject, date);
    }

    private static String propose(String acronym, String kind, String subject, String date) {
        return officer().body(proposal(acronym, kind, subject, date)).post(LIAISONS)
                .then().statusCode(201).extract().header("Stream-Id");
    }

    private static ValidatableResponse post(String id, String fact, String body) {
        return officer().body(body).post(LIAISONS + "/" + id + "/" + fact).then();
    }

    private static String authorizedAndSigned(String acronym, String signDate, String reviewDue) {
        String id = propose(acronym, "MEMORANDUM_OF_UNDERSTANDING", "Cooperation", "2030-01-10");
        post(id, "authorization", "{\"decisionReference\":\"CIPM/2030-01\",\"effectiveDate\":\"2030-01-20\"}").statusCode(200);
        post(id, "signature", "{\"signatories\":[\"BIPM\",\"" + acronym + "\"],\"reviewDue\":\"" + reviewDue
                + "\",\"effectiveDate\":\"" + signDate + "\"}").statusCode(200);
        return id;
    }

    @Test
    void a_proposal_answers_201_with_its_readable_id_and_reaches_the_topic_with_cloudevents_headers() throws Exception {
        String acronym = newPartner();
        String expectedId = acronym + "-OBSERVER_STATUS-observer-organization";
        try (TopicProbe topic = TopicProbe.fromNow(TOPIC)) {
            JsonPath receipt = officer().body(proposal(acronym, "OBSERVER_STATUS", "Observer organization", "2024-08-01"))
                    .post(LIAISONS)
                    .then().statusCode(201)
                    .header("Location", org.hamcrest.Matchers.endsWith(LIAISONS + "/" + expectedId))
                    .header("ETag", "\"1\"").header("Stream-Id", expectedId)
                    .body("created", equalTo(true))
                    .extract().jsonPath();
            post(expectedId, "authorization", "{\"decisionReference\":\"not stated in the source\","
                    + "\"effectiveDate\":\"2024-08-01\",\"datePrecision\":\"MONTH\",\"dateStated\":false}")
                    .statusCode(200).header("ETag", "\"2\"");

            List<ConsumerRecord<String, byte[]>> records = topic.awaitKey(expectedId, 2);
            assertThat(records).hasSize(2);
            ConsumerRecord<String, byte[]> proposed = records.get(0);
            assertThat(TopicProbe.headers(proposed))
                    .containsEntry("ce_id", receipt.getString("events[0].eventId"))
                    .containsEntry("ce_type", "bipm.liaison.LiaisonProposed")
                    .containsEntry("ce_source", "/liaison-service")
                    .containsEntry("ce_subject", expectedId)
                    .containsEntry("ce_specversion", "1.0")
                    .containsEntry("ce_streamversion", "1")
                    .containsKey("ce_time");
            JsonNode event = json.readTree(proposed.value());
            assertThat(event.at("/data/partner/acronym").asText()).isEqualTo(acronym);
            assertThat(event.at("/data/kind").asText()).isEqualTo("OBSERVER_STATUS");
            assertThat(TopicProbe.header(records.get(1), "ce_type")).isEqualTo("bipm.liaison.LiaisonAuthorized");
            assertThat(TopicProbe.header(records.get(1), "ce_streamversion")).isEqualTo("2");
        }
    }

    @Test
    void follows_a_liaison_from_proposal_to_termination_in_the_reads() {
        String cosignatory = newPartner();
        propose(cosignatory, "AGREEMENT", "Test cooperation", "2020-01-01");
        String acronym = newPartner();
        String id = propose(acronym, "JOINT_DECLARATION", "Metrological traceability", "2011-01-01");
        post(id, "authorization", "{\"decisionReference\":\"not stated in the source\",\"effectiveDate\":\"2011-01-01\","
                + "\"datePrecision\":\"YEAR\",\"dateStated\":false}").statusCode(200);
        post(id, "signature", "{\"signatories\":[\"BIPM\",\"" + cosignatory + "\",\"" + acronym + "\"],"
                + "\"effectiveDate\":\"2011-01-01\",\"datePrecision\":\"YEAR\"}").statusCode(200);
        post(id, "renewal", "{\"note\":\"updated and reaffirmed\",\"effectiveDate\":\"2018-01-01\",\"datePrecision\":\"YEAR\"}")
                .statusCode(200);
        post(id, "focal-point", "{\"focalPoint\":\"International Liaison and Communication Department\","
                + "\"effectiveDate\":\"2019-03-01\"}").statusCode(200);
        post(id, "working-group-role", "{\"workingGroup\":\"WG2\",\"role\":\"focal point\",\"effectiveDate\":\"2021-01-01\","
                + "\"datePrecision\":\"YEAR\"}").statusCode(200).header("ETag", "\"6\"");

        given().get(LIAISONS + "/" + id).then().statusCode(200).header("ETag", "\"6\"")
                .body("status", equalTo("IN_FORCE"))
                .body("reviewDue", nullValue())
                .body("formalization.datePrecision", equalTo("YEAR"))
                .body("renewals[0].date", equalTo("2018-01-01"))
                .body("focalPoint.name", equalTo("International Liaison and Communication Department"))
                .body("history.type", contains("LiaisonProposed", "LiaisonAuthorized", "LiaisonFormalized",
                        "LiaisonRenewed", "FocalPointNominated", "WorkingGroupRoleRecorded"));
        given().queryParam("partner", acronym.toLowerCase()).queryParam("kind", "JOINT_DECLARATION").queryParam("status", "IN_FORCE")
                .get(LIAISONS).then().statusCode(200).body("id", contains(id));
        given().queryParam("partner", acronym).queryParam("asOf", "2015-06-01")
                .get(LIAISONS).then().statusCode(200).body("renewals[0]", equalTo(List.of())).body("status", contains("IN_FORCE"));
        given().get("/api/liaison/partners").then().statusCode(200)
                .body("find { it.acronym == '" + acronym + "' }.activeLiaisons.id", contains(id))
                .body("find { it.acronym == '" + cosignatory + "' }.activeLiaisons.id", hasItem(id));

        post(id, "termination", "{\"reason\":\"superseded\",\"effectiveDate\":\"2025-06-30\"}").statusCode(200);
        post(id, "focal-point", "{\"focalPoint\":\"Time Department\",\"effectiveDate\":\"2025-07-01\"}")
                .statusCode(409).contentType(PROBLEM).body("type", equalTo("urn:bipm:problem:liaison-ended"));
        given().queryParam("partner", acronym).queryParam("status", "terminated").get(LIAISONS)
                .then().statusCode(200).body("id", contains(id));
        given().get("/api/liaison/partners").then().statusCode(200)
                .body("find { it.acronym == '" + cosignatory + "' }.activeLiaisons.id", not(hasItem(id)));
    }

    @Test
    void refuses_signing_before_the_cipm_authorization_as_a_409_problem() {
        String id = propose(newPartner(), "AGREEMENT", "Premature signature", "2024-01-10");
        post(id, "signature", "{\"signatories\":[\"BIPM\"],\"effectiveDate\":\"2024-02-01\"}")
                .statusCode(409).contentType(PROBLEM).body("type", equalTo("urn:bipm:problem:not-authorized"));
    }

    @Test
    void refuses_a_duplicate_active_liaison_and_opens_a_new_generation_once_the_first_ended() {
        String acronym = newPartner();
        String first = propose(acronym, "LIAISON_STATUS", "Liaison A", "2023-03-01");
        officer().body(proposal(acronym, "LIAISON_STATUS", "liaison-a!", "2023-04-01")).post(LIAISONS)
                .then().statusCode(409).contentType(PROBLEM).body("type", equalTo("urn:bipm:problem:duplicate-active-liaison"));

        post(first, "termination", "{\"ending\":\"EXPIRED\",\"reason\":\"lapsed\",\"effectiveDate\":\"2024-01-01\"}").statusCode(200);
        String second = propose(acronym, "LIAISON_STATUS", "Liaison A", "2024-02-01");
        assertThat(second).isEqualTo(first + "--2");
    }

    @Test
    void the_service_refuses_a_second_active_liaison_with_the_same_identity_in_another_stream() {
        String acronym = newPartner();
        ProposeLiaison proposal = new ProposeLiaison(new Partner(acronym, "Test organization"), LiaisonKind.AGREEMENT,
                "Shared subject", null, LocalDate.of(2024, 1, 1), DatePrecision.DAY, true);
        // outside HTTP, as a loader or consumer would write; the second stream stands for any other id
        CommandContext context = CommandContext.system("test");
        commands.handle(LiaisonKey.of(acronym, LiaisonKind.AGREEMENT, "Shared subject").liaisonId(1), proposal, context);
        String otherStream = "other-" + UUID.randomUUID();

        assertThatThrownBy(() -> commands.handle(otherStream, proposal, context))
                .isInstanceOfSatisfying(Rejection.class, r -> assertThat(r.code()).isEqualTo("duplicate-active-liaison"));
        assertThat(commands.currentVersion(otherStream)).as("the refused stream was rolled back").isZero();
    }

    @Test
    void due_for_review_follows_the_review_date_across_a_renewal() {
        String id = authorizedAndSigned(newPartner(), "2030-02-01", "2030-12-31");
        String due = "/api/liaison/due-for-review";

        given().queryParam("from", "2030-11-01").queryParam("within", "P90D").get(due).then().statusCode(200)
                .body("until", equalTo("2031-01-30"))
                .body("liaisons.id", hasItem(id))
                .body("liaisons.find { it.id == '" + id + "' }.overdue", equalTo(false));
        given().queryParam("from", "2030-06-01").queryParam("within", "P30D").get(due).then().statusCode(200)
                .body("liaisons.id", not(hasItem(id)));

        post(id, "renewal", "{\"reviewDue\":\"2030-12-31\",\"effectiveDate\":\"2030-12-15\"}")
                .statusCode(409).body("type", equalTo("urn:bipm:problem:review-date-not-moved-forward"));
        post(id, "renewal", "{\"reviewDue\":\"2035-12-31\",\"effectiveDate\":\"2030-12-15\"}").statusCode(200);

        given().queryParam("from", "2030-12-20").queryParam("within", "P90D").get(due).then().statusCode(200)
                .body("liaisons.id", not(hasItem(id)));
        given().queryParam("from", "2030-11-01").queryParam("within", "P90D").get(due).then().statusCode(200)
                .body("liaisons.id", hasItem(id));
        given().queryParam("from", "2035-10-15").queryParam("within", "P3M").get(due).then().statusCode(200)
                .body("liaisons.find { it.id == '" + id + "' }.reviewDue", equalTo("2035-12-31"));
        given().queryParam("from", "2036-02-01").queryParam("within", "P0D").get(due).then().statusCode(200)
                .body("liaisons.find { it.id == '" + id + "' }.overdue", equalTo(true));
    }

    @Test
    void writes_need_a_liaison_officer_token_and_reads_need_none() {
        String body = proposal(newPartner(), "AGREEMENT", "Anything", "2024-01-01");
        given().contentType(ContentType.JSON).body(body).post(LIAISONS)
                .then().statusCode(401).contentType(PROBLEM).header("WWW-Authenticate", "Bearer");
        given().auth().oauth2(Tokens.forRole(Roles.MEMBERSHIP_OFFICER)).contentType(ContentType.JSON).body(body).post(LIAISONS)
                .then().statusCode(403).contentType(PROBLEM).body("type", equalTo("urn:bipm:problem:forbidden"));
        given().contentType(ContentType.JSON).body("{\"decisionReference\":\"x\",\"effectiveDate\":\"2024-01-02\"}")
                .post(LIAISONS + "/any/authorization").then().statusCode(401).contentType(PROBLEM);
        given().get(LIAISONS).then().statusCode(200);
        given().get("/api/liaison/partners").then().statusCode(200);
        given().get("/api/liaison/due-for-review").then().statusCode(200);
    }

    @Test
    void a_stale_if_match_gets_412_and_a_repeated_idempotency_key_gets_the_first_answer() {
        String acronym = newPartner();
        String id = propose(acronym, "AGREEMENT", "Versions", "2024-01-01");
        String authorization = "{\"decisionReference\":\"CIPM/2024-03\",\"effectiveDate\":\"2024-01-15\"}";
        officer().header("If-Match", "\"1\"").body(authorization).post(LIAISONS + "/" + id + "/authorization")
                .then().statusCode(200).header("ETag", "\"2\"");
        officer().header("If-Match", "\"1\"").body("{\"focalPoint\":\"Time Department\",\"effectiveDate\":\"2024-02-01\"}")
                .post(LIAISONS + "/" + id + "/focal-point")
                .then().statusCode(412).contentType(PROBLEM).header("ETag", "\"2\"")
                .body("type", equalTo("urn:bipm:problem:precondition-failed"));

        String key = UUID.randomUUID().toString();
        String body = proposal(acronym, "MEMORANDUM_OF_UNDERSTANDING", "Once only", "2024-01-01");
        String first = officer().header("Idempotency-Key", key).body(body).post(LIAISONS)
                .then().statusCode(201).extract().asString();
        officer().header("Idempotency-Key", key).body(body).post(LIAISONS)
                .then().statusCode(201).header("Idempotent-Replayed", "true").body(equalTo(first));
        String again = acronym + "-MEMORANDUM_OF_UNDERSTANDING-once-only";
        given().get(LIAISONS + "/" + again).then().statusCode(200).header("ETag", "\"1\"");
    }

    @Test
    void bad_input_is_a_400_problem_and_an_unknown_liaison_a_404() {
        String acronym = newPartner();
        officer().body("{\"partner\":").post(LIAISONS).then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("urn:bipm:problem:malformed-body"));
        officer().body("{\"kind\":\"AGREEMENT\"}").post(LIAISONS).then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("urn:bipm:problem:validation"));
        officer().body(proposal(acronym, "PARTNERSHIP", "x", "2024-01-01")).post(LIAISONS)
                .then().statusCode(400).contentType(PROBLEM).body("field", equalTo("kind"));
        officer().body(proposal("iso", "AGREEMENT", "x", "2024-01-01")).post(LIAISONS)
                .then().statusCode(400).contentType(PROBLEM).body("violations[0].field", equalTo("acronym"));
        officer().body(proposal(acronym, "AGREEMENT", "x", "2024-13-01")).post(LIAISONS)
                .then().statusCode(400).contentType(PROBLEM).body("field", equalTo("effectiveDate"));
        officer().body("{\"partner\":{\"acronym\":\"" + acronym + "\",\"fullName\":\"T\"},\"kind\":\"AGREEMENT\","
                        + "\"subject\":\"x\",\"effectiveDate\":\"2024-08-15\",\"datePrecision\":\"MONTH\"}")
                .post(LIAISONS).then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("urn:bipm:problem:date-precision-mismatch"));

        String due = "/api/liaison/due-for-review";
        given().queryParam("within", "90 days").get(due).then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("urn:bipm:problem:invalid-query-parameter"));
        given().queryParam("within", "P-3D").get(due).then().statusCode(400).contentType(PROBLEM);
        given().queryParam("from", "2025-02-30").get(due).then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("urn:bipm:problem:invalid-query-parameter"));
        given().queryParam("kind", "PARTNERSHIP").get(LIAISONS).then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("urn:bipm:problem:invalid-query-parameter"));
        given().queryParam("asOf", "yesterday").get("/api/liaison/partners").then().statusCode(400).contentType(PROBLEM);

        given().get(LIAISONS + "/NOBODY-AGREEMENT-nothing").then().statusCode(404).contentType(PROBLEM)
                .body("type", equalTo("urn:bipm:problem:liaison-not-found"));
        post("NOBODY-AGREEMENT-nothing", "authorization", "{\"decisionReference\":\"x\",\"effectiveDate\":\"2024-01-02\"}")
                .statusCode(404).contentType(PROBLEM);
    }
}
