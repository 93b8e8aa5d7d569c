package org.bipm.gateway.projection;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.bipm.gateway.TestEvents.MEMBERSHIP;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import io.quarkus.test.common.http.TestHTTPResource;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import java.time.LocalDate;
import org.bipm.gateway.Scenario;
import org.bipm.gateway.TestEvents;
import org.bipm.gateway.routing.EchoService;
import org.bipm.platform.kernel.eventstore.RecordedEvent;
import org.bipm.platform.testing.PlatformStack;
import org.bipm.platform.testing.TopicProbe;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PlatformStack.class)
@WithTestResource(EchoService.class)
class ReadModelTest {

    @Inject
    ObjectMapper json;

    @Inject
    DataSource dataSource;

    @TestHTTPResource("/")
    URL root;

    @Test
    void applications_numbered_alike_in_two_activities_are_two_participations() {
        Scenario s;
        String token;
        try (TestEvents events = new TestEvents(json)) {
            s = Scenario.publish(events);
            String second = "B-" + s.run();
            events.publish(TestEvents.CBKT, second, "ActivityCreated", LocalDate.of(2023, 3, 10),
                    events.data("activityId", second, "details", java.util.Map.of("title", "Second " + s.run(), "type", "WEBINAR"),
                            "schedule", java.util.Map.of("startDate", "2023-10-12", "endDate", "2023-10-12"), "datePrecision", "DAY"));
            // cbkt numbers applications per activity: the same id as the first activity's accepted application
            events.publish(TestEvents.CBKT, second, "ApplicationAccepted", LocalDate.of(2023, 4, 1),
                    events.data("applicationId", "APP-1-" + s.run(), "funded", false,
                            "nomination", Scenario.nomination(s, "PERSON-3-" + s.run())));
            token = s.consistencyToken(events) + ", cbkt:" + events.version(TestEvents.CBKT, second) + ":" + second;
        }
        given().header("Consistency-Token", token).get("/api/countries/" + s.country() + "?asOf=2024-01-01")
                .then().statusCode(200)
                .body("cbktParticipations", equalTo(2));
    }

    @Test
    void projects_the_four_topics_once_each_and_sends_poison_to_the_dlq() {
        Scenario s;
        String token;
        String unreadable;
        String incomplete;
        try (TestEvents events = new TestEvents(json); TopicProbe dlq = TopicProbe.fromNow(MEMBERSHIP + ".dlq")) {
            s = Scenario.publish(events);
            RecordedEvent suspended = events.publish(MEMBERSHIP, s.country(), "ParticipantSuspended", LocalDate.of(2023, 3, 1),
                    events.data("reason", "arrears", "datePrecision", "DAY", "source", "test"));
            events.republish(MEMBERSHIP, suspended);
            incomplete = "Y" + s.run();
            events.publish(MEMBERSHIP, incomplete, "AssociateAdmitted", LocalDate.of(2023, 3, 1), events.data("name", "No category"));
            unreadable = "garbage-" + s.run();
            events.publishRaw(MEMBERSHIP, unreadable, "not an event");
            token = s.consistencyToken(events);

            dlq.awaitKey(incomplete, 1);
            dlq.awaitKey(unreadable, 1);
        }
        String consistent = token;
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().header("Consistency-Token", consistent).get("/api/activity").then().statusCode(200));

        given().get("/api/countries/" + s.country() + "?asOf=2024-01-01").then().statusCode(200)
                .body("membership.name", equalTo("Land " + s.run()))
                .body("membership.category", equalTo("MEMBER_STATE"))
                .body("membership.status", equalTo("SUSPENDED"))
                .body("membership.rmo", equalTo("EURAMET"))
                .body("history.type", contains("AssociateAdmitted", "RmoAffiliationChanged", "AccededToConvention", "ParticipantSuspended"))
                .body("cbktParticipations", equalTo(1))
                .body("cbkt[0].activityId", equalTo(s.activity()))
                .body("cbkt[0].activityType", equalTo("WORKSHOP"))
                .body("cbkt[0].year", equalTo(2023))
                .body("cbkt[0].participations", equalTo(1));
        given().get("/api/countries/" + s.country() + "?asOf=2021-01-01").then().statusCode(200)
                .body("membership.category", equalTo("ASSOCIATE_STATE"))
                .body("membership.status", equalTo("ACTIVE"))
                .body("cbktParticipations", equalTo(0));
        given().get("/api/countries/" + s.country() + "?asOf=" + s.year() + "-06-01").then().statusCode(200)
                .body("celebrationsHosted.celebrationId", contains(1))
                .body("celebrationsHosted[0].city", equalTo("Capital"));
        given().get("/api/countries/" + s.country() + "?asOf=2018-12-31").then().statusCode(404)
                .contentType("application/problem+json");
        given().get("/api/countries/" + incomplete).then().statusCode(404);
        given().get("/api/countries?asOf=2020-01-01").then().statusCode(200).body("code", hasItem(s.country()));

        given().get("/api/dashboard?asOf=" + s.year() + "-05-21").then().statusCode(200)
                .body("worldMetrologyDay.currentEdition.year", equalTo(s.year()))
                .body("worldMetrologyDay.currentEdition.theme", equalTo("Measurement " + s.run()))
                .body("worldMetrologyDay.currentEdition.translations", contains("es", "fr"))
                .body("worldMetrologyDay.currentEdition.celebrations", equalTo(1))
                .body("worldMetrologyDay.currentEdition.celebrationsByCountry." + s.country(), equalTo(1))
                .body("liaisons.dueForReview.find { it.id == '" + s.liaison() + "' }.partner", equalTo(s.partner()))
                .body("liaisons.dueForReview.find { it.id == '" + s.liaison() + "' }.status", equalTo("ACTIVE"))
                .body("liaisons.dueForReview.find { it.id == '" + s.liaison() + "' }.reviewDue", equalTo(s.year() + "-08-01"))
                .body("cbkt.rmosCovered", hasItem("EURAMET"))
                .body("membership.byRmo.rmo", hasItem("EURAMET"));
        given().get("/api/dashboard?asOf=" + s.year() + "-01-31&reviewWithin=P30D").then().statusCode(200)
                .body("liaisons.dueForReview.id", not(hasItem(s.liaison())));

        given().get("/api/activity?country=" + s.country()).then().statusCode(200)
                .body("total", equalTo(8))
                .body(not(containsString(Scenario.SEALED)));
        given().get("/api/activity?service=membership&country=" + s.country()).then().statusCode(200)
                .body("total", equalTo(4))
                .body("items[0].type", equalTo("ParticipantSuspended"))
                .body("items[0].version", equalTo(4));
        given().get("/api/activity?service=cbkt&type=ApplicationAccepted&country=" + s.country() + "&size=1").then().statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].summary", containsString(s.activity()));
    }

    @Test
    void an_accession_published_at_schema_version_1_reads_like_one_at_version_2() {
        String run = TestEvents.unique();
        String old = "O" + run;
        String current = "N" + run;
        String token;
        try (TestEvents events = new TestEvents(json)) {
            for (String code : List.of(old, current)) {
                events.publish(MEMBERSHIP, code, "AssociateAdmitted", LocalDate.of(2015, 5, 20), events.data("name", "Land " + run,
                        "category", "ASSOCIATE_STATE", "composition", List.of(), "datePrecision", "DAY", "source", "test"));
                events.publish(MEMBERSHIP, code, "RmoAffiliationChanged", LocalDate.of(2016, 1, 1),
                        events.data("rmo", "SIM", "datePrecision", "DAY", "source", "test"));
            }
            events.publish(MEMBERSHIP, old, "AccededToConvention", 1, LocalDate.of(2020, 1, 1), events.data("name", "Land " + run,
                    "previousCategory", "ASSOCIATE_STATE", "datePrecision", "DAY", "source", "test"));
            events.publish(MEMBERSHIP, current, "AccededToConvention", 2, LocalDate.of(2020, 1, 1), events.data("name", "Land " + run,
                    "fromAssociate", true, "datePrecision", "DAY", "source", "test"));
            token = "membership:3:" + old + ", membership:3:" + current;
        }

        for (String code : List.of(old, current)) {
            given().header("Consistency-Token", token).get("/api/activity?service=membership&country=" + code).then().statusCode(200)
                    .body("total", equalTo(3))
                    .body("items[0].type", equalTo("AccededToConvention"))
                    .body("items[0].summary", equalTo("Acceded to convention · " + code + " · Land " + run + " · from Associate"));
        }
        for (String asOf : List.of("2019-12-31", "2020-01-01")) {
            String profileOfOld = given().get("/api/countries/" + old + "?asOf=" + asOf).then().statusCode(200).extract().asString();
            String profileOfCurrent = given().get("/api/countries/" + current + "?asOf=" + asOf).then().statusCode(200).extract().asString();
            assertThat(profileOfOld.replace(old, "CODE")).as("as of %s", asOf).isEqualTo(profileOfCurrent.replace(current, "CODE"));
        }
        given().get("/api/countries/" + old + "?asOf=2020-01-01").then()
                .body("membership.category", equalTo("MEMBER_STATE"))
                .body("membership.rmo", equalTo("SIM"));
    }

    @Test
    void keeps_no_personal_data_of_cbkt_applicants() throws Exception {
        Scenario s;
        try (TestEvents events = new TestEvents(json)) {
            s = Scenario.publish(events);
            String token = s.consistencyToken(events);
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                    given().header("Consistency-Token", token).get("/api/activity").then().statusCode(200));
        }
        try (Connection connection = dataSource.getConnection();
             ResultSet tables = connection.createStatement().executeQuery(
                     "select tablename from pg_tables where schemaname = 'read_model'")) {
            while (tables.next()) {
                try (PreparedStatement search = connection.prepareStatement("select count(*) from read_model." + tables.getString(1)
                        + " t where t::text like ? or t::text like ?")) {
                    search.setString(1, "%" + Scenario.SEALED + "%");
                    search.setString(2, "%PERSON-1-" + s.run() + "%");
                    try (ResultSet found = search.executeQuery()) {
                        found.next();
                        assertThat(found.getLong(1)).as(tables.getString(1)).isZero();
                    }
                }
            }
        }
        given().get("/api/countries/" + s.country()).then().statusCode(200).body("cbktParticipations", equalTo(1));
    }

    @Test
    void streams_new_events_live_with_the_same_filters() throws Exception {
        String wanted = "Z" + TestEvents.unique();
        String other = "Z" + TestEvents.unique();
        List<String> lines = new CopyOnWriteArrayList<>();
        HttpRequest subscribe = HttpRequest.newBuilder(URI.create(root + "api/activity/stream?service=membership&country=" + wanted))
                .header("Accept", "text/event-stream").build();
        try (HttpClient client = HttpClient.newHttpClient()) {
            var stream = client.sendAsync(subscribe, HttpResponse.BodyHandlers.ofLines());
            stream.thenAccept(response -> response.body().forEach(lines::add));
            await().atMost(Duration.ofSeconds(10)).until(stream::isDone);
            assertThat(stream.get().statusCode()).isEqualTo(200);
            try (TestEvents events = new TestEvents(json)) {
                events.publish(MEMBERSHIP, other, "AssociateAdmitted", LocalDate.of(2024, 1, 1),
                        events.data("name", "Other", "category", "ASSOCIATE_STATE"));
                // projected (and so notified) before the wanted one: the filter, not the timing, keeps it out
                given().header("Consistency-Token", "membership:1:" + other).get("/api/activity?size=1").then().statusCode(200);
                events.publish(MEMBERSHIP, wanted, "AssociateAdmitted", LocalDate.of(2024, 1, 1),
                        events.data("name", "Wanted", "category", "ASSOCIATE_ECONOMY"));
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> lines.stream().anyMatch(line -> line.contains("\"streamId\":\"" + wanted + "\"")));
            assertThat(lines).noneMatch(line -> line.contains(other));
            stream.get().body().close();
        }
    }

    @Test
    void documents_the_read_apis_in_openapi() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths", org.hamcrest.Matchers.hasKey("/api/countries/{code}"))
                .body("paths", org.hamcrest.Matchers.hasKey("/api/dashboard"))
                .body("paths", org.hamcrest.Matchers.hasKey("/api/activity/stream"))
                .body("paths", org.hamcrest.Matchers.hasKey("/api/admin/rebuild"));
    }

    @Test
    void bad_read_parameters_are_400_problems() {
        given().get("/api/dashboard?asOf=yesterday").then().statusCode(400)
                .body("type", equalTo("urn:bipm:problem:date-invalid"));
        given().get("/api/dashboard?reviewWithin=soon").then().statusCode(400)
                .body("type", equalTo("urn:bipm:problem:period-invalid"));
        given().get("/api/activity?size=0").then().statusCode(400);
    }
}
