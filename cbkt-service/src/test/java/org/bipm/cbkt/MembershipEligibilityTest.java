package org.bipm.cbkt;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.bipm.cbkt.CbktFixtures.admission;
import static org.bipm.cbkt.CbktFixtures.application;
import static org.bipm.cbkt.CbktFixtures.apply;
import static org.bipm.cbkt.CbktFixtures.membershipEvent;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.bipm.platform.testing.PlatformStack;
import org.bipm.platform.testing.TopicProbe;
import org.bipm.platform.testing.Tokens;
import org.junit.jupiter.api.Test;

/** Funding follows membership: cbkt learns who is a Member State or Associate on a date from bipm.membership.v1. */
@QuarkusTest
@WithTestResource(PlatformStack.class)
class MembershipEligibilityTest {

    /** User-assigned ISO 3166 codes, so no real participant of another test interferes. */
    private static final String STATE = "QM";
    private static final String ECONOMY = "QZECONOMY";
    private static final String CONSTITUENT = "QN";

    @Test
    void funding_follows_membership_events_arriving_on_the_topic_once_each_past_a_poison_record() {
        CbktFixtures.sql("delete from membership_facts where participant in (?, ?)", STATE, ECONOMY);
        CbktFixtures.sql("delete from economy_constituents where economy = ?", ECONOMY);
        LocalDate today = CbktFixtures.today();
        String activity = CbktFixtures.publishedActivity(30, 5, 3);
        String sim = Tokens.rmoSecretariat("SIM");

        apply(sim, activity, application("Before", "before-" + activity + "@example.org", STATE, null, true)).then().statusCode(201)
                .body("outcome", equalTo("ACCEPTED_WITHOUT_FUNDING")).body("reason", equalTo("COUNTRY_NOT_ELIGIBLE"));

        String admitted = membershipEvent(STATE, 1, "AssociateAdmitted", today.minusDays(1),
                admission("Test State", "ASSOCIATE_STATE", today.minusDays(1), List.of()));
        String economy = membershipEvent(ECONOMY, 1, "AssociateAdmitted", today.minusDays(1),
                admission("Test Economy", "ASSOCIATE_ECONOMY", today.minusDays(1), List.of(Map.of("code", CONSTITUENT, "name", "Test Island"))));
        String suspended = membershipEvent(STATE, 2, "ParticipantSuspended", today.minusDays(1),
                Map.of("reason", "arrears", "effectiveDate", today.minusDays(1).toString(), "datePrecision", "DAY"));
        try (TopicProbe deadLetters = TopicProbe.fromNow("bipm.membership.v1.dlq")) {
            // the poison record first, on the same key (so the same partition): consumption must go on past it
            CbktFixtures.produceMembership(List.of(new String[] {STATE, "not an event"}, new String[] {STATE, admitted},
                    new String[] {STATE, admitted}, new String[] {STATE, suspended}, new String[] {ECONOMY, economy}));
            assertThat(TopicProbe.value(deadLetters.await(r -> STATE.equals(r.key()), 1, Duration.ofSeconds(60)).getFirst()))
                    .isEqualTo("not an event");
        }
        CbktFixtures.awaitEligibility(STATE, today, true);
        CbktFixtures.awaitEligibility(CONSTITUENT, today, true);
        given().get("/api/cbkt/funding-eligibility/{c}", CONSTITUENT).then().body("through", equalTo(ECONOMY))
                .body("status", equalTo("ASSOCIATE_ECONOMY"));
        given().get("/api/cbkt/funding-eligibility/{c}?date={d}", STATE, today.minusDays(2).toString()).then().body("eligible", equalTo(false));

        // the duplicate was applied once
        String eventId = parse(admitted).get("eventId").asText();
        assertThat(CbktFixtures.count("select count(*) from processed_events where event_id = ?::uuid", eventId)).isOne();
        assertThat(CbktFixtures.count("select count(*) from membership_facts where participant = ?", STATE)).isOne();

        apply(sim, activity, application("After", "after-" + activity + "@example.org", STATE, null, true)).then().statusCode(201)
                .body("outcome", equalTo("ACCEPTED")).body("funded", equalTo(true));
        apply(sim, activity, application("Islander", "island-" + activity + "@example.org", CONSTITUENT, null, true)).then()
                .statusCode(201).body("funded", equalTo(true));

        // a withdrawal from the Metre Convention system ends eligibility from its date, not before
        CbktFixtures.produceMembership(List.<String[]>of(new String[] {STATE, membershipEvent(STATE, 3, "ParticipantWithdrew", today,
                Map.of("effectiveDate", today.toString(), "datePrecision", "DAY"))}));
        CbktFixtures.awaitEligibility(STATE, today, false);
        CbktFixtures.awaitEligibility(STATE, today.minusDays(1), true);
        apply(sim, activity, application("Too late", "late-" + activity + "@example.org", STATE, null, true)).then().statusCode(201)
                .body("outcome", equalTo("ACCEPTED_WITHOUT_FUNDING")).body("reason", equalTo("COUNTRY_NOT_ELIGIBLE"));
    }

    private static JsonNode parse(String json) {
        try {
            return CbktFixtures.JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
