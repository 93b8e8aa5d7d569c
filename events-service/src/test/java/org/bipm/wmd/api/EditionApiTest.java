package org.bipm.wmd.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.bipm.wmd.api.Wmd.PROBLEM;
import static org.bipm.wmd.api.Wmd.announce;
import static org.bipm.wmd.api.Wmd.edition;
import static org.bipm.wmd.api.Wmd.editions;
import static org.bipm.wmd.api.Wmd.officer;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bipm.platform.kernel.messaging.CloudEvents;
import org.bipm.platform.testing.PlatformStack;
import org.bipm.platform.testing.TopicProbe;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PlatformStack.class)
class EditionApiTest {

    @Inject
    DataSource dataSource;
    @Inject
    ObjectMapper json;

    @BeforeEach
    void clean() throws Exception {
        Wmd.clear(dataSource);
    }

    @Test
    void an_edition_answers_its_theme_poster_and_translations_and_publishes_each_fact_as_a_cloudevent() throws Exception {
        try (TopicProbe topic = TopicProbe.fromNow(Wmd.TOPIC)) {
            officer().body("{\"year\":2101,\"effectiveDate\":\"2101-01-01\",\"datePrecision\":\"YEAR\"}").post(editions())
                    .then().statusCode(201).header("Location", equalTo(locationOf(2101)))
                    .header("ETag", "\"1\"").header("Stream-Id", "WMD-2101");
            officer().body("{\"theme\":\"Metrology for a first draft\",\"effectiveDate\":\"2101-02-01\"}").put(edition(2101) + "/theme")
                    .then().statusCode(200).header("ETag", "\"2\"");
            officer().body("{\"theme\":\"Measurement in the deep future\",\"effectiveDate\":\"2101-02-02\"}").put(edition(2101) + "/theme")
                    .then().statusCode(200).header("ETag", "\"3\"");
            officer().body("{\"institute\":\"INTI\",\"countryCode\":\"ar\",\"rmo\":\"sim\",\"effectiveDate\":\"2101-02-03\"}")
                    .put(edition(2101) + "/poster/partner").then().statusCode(200);
            officer().body("{\"effectiveDate\":\"2101-03-01\",\"datePrecision\":\"MONTH\"}").post(edition(2101) + "/poster/publication")
                    .then().statusCode(200);
            for (String language : List.of("es", "FR", "ar")) {
                officer().body("{\"language\":\"" + language + "\",\"effectiveDate\":\"2101-03-02\"}")
                        .post(edition(2101) + "/poster/translations").then().statusCode(200);
            }
            officer().body("{\"effectiveDate\":\"2101-03-05\"}").post(edition(2101) + "/publication").then().statusCode(200);
            officer().body("{\"title\":\"Reception\",\"startDate\":\"2101-05-14\",\"places\":[\"UNESCO\"],\"effectiveDate\":\"2101-05-14\"}")
                    .post(edition(2101) + "/special-events").then().statusCode(200);
            officer().body("{\"measure\":\"POSTER_TRANSLATIONS\",\"qualifier\":\"MORE_THAN\",\"value\":20,"
                    + "\"source\":\"a report\",\"effectiveDate\":\"2101-06-01\",\"datePrecision\":\"MONTH\"}")
                    .post(edition(2101) + "/reported-figures").then().statusCode(200).header("ETag", "\"11\"");

            given().get(edition(2101)).then().statusCode(200).header("ETag", "\"11\"")
                    .body("year", equalTo(2101)).body("streamId", equalTo("WMD-2101")).body("day", equalTo("2101-05-20"))
                    .body("status", equalTo("PUBLISHED")).body("theme", equalTo("Measurement in the deep future"))
                    .body("announced.precision", equalTo("YEAR")).body("published.date", equalTo("2101-03-05"))
                    .body("poster.partner.institute", equalTo("INTI")).body("poster.partner.countryCode", equalTo("AR"))
                    .body("poster.partner.rmo", equalTo("SIM"))
                    .body("poster.published.date", equalTo("2101-03-01")).body("poster.published.precision", equalTo("MONTH"))
                    .body("poster.translationCount", equalTo(3)).body("poster.languages", contains("ar", "es", "fr"))
                    .body("specialEvents[0].title", equalTo("Reception")).body("specialEvents[0].endDate", equalTo("2101-05-14"))
                    .body("reportedFigures[0].qualifier", equalTo("MORE_THAN")).body("reportedFigures[0].value", equalTo(20))
                    .body("celebrations.total", equalTo(0));
            given().get(editions()).then().statusCode(200).body("year", contains(2101)).body("[0]", org.hamcrest.Matchers.not(hasKey("celebrations")));

            List<ConsumerRecord<String, byte[]>> records = topic.awaitKey("WMD-2101", 11);
            assertThat(records).extracting(r -> TopicProbe.header(r, CloudEvents.TYPE)).containsExactly(
                    "bipm.wmd.EditionAnnounced", "bipm.wmd.ThemeSet", "bipm.wmd.ThemeChanged",
                    "bipm.wmd.PosterPartnerDesignated", "bipm.wmd.PosterPublished",
                    "bipm.wmd.PosterTranslationPublished", "bipm.wmd.PosterTranslationPublished",
                    "bipm.wmd.PosterTranslationPublished", "bipm.wmd.EditionPublished",
                    "bipm.wmd.SpecialEventRecorded", "bipm.wmd.FigureReported");
            Map<String, String> headers = TopicProbe.headers(records.get(2));
            assertThat(headers).containsEntry(CloudEvents.SPEC_VERSION, "1.0")
                    .containsEntry(CloudEvents.SOURCE, "/events-service")
                    .containsEntry(CloudEvents.SUBJECT, "WMD-2101")
                    .containsEntry(CloudEvents.STREAM_VERSION, "3")
                    .containsEntry(CloudEvents.EFFECTIVE_DATE, "2101-02-02")
                    .containsKeys(CloudEvents.ID, CloudEvents.TIME);
            JsonNode changed = json.readTree(records.get(2).value());
            assertThat(changed.path("eventId").asText()).isEqualTo(headers.get(CloudEvents.ID));
            assertThat(changed.path("data").path("theme").asText()).isEqualTo("Measurement in the deep future");
            assertThat(changed.path("data").path("previousTheme").asText()).isEqualTo("Metrology for a first draft");
            assertThat(changed.path("data").path("datePrecision").asText()).isEqualTo("DAY");
        }
    }

    private static String locationOf(int year) {
        return "http://localhost:" + io.restassured.RestAssured.port + edition(year);
    }

    @Test
    void celebrations_are_paged_filtered_by_country_counted_and_on_the_calendar_across_editions() {
        announce(2102);
        announce(2103);
        register(2102, "AR", "Buenos Aires", false, "2102-05-20").header("Location", equalTo(locationOf(2102) + "/celebrations/1"));
        register(2102, "KE", null, true, "2102-05-19");
        register(2102, "AR", "Rosario", true, "2102-05-21");
        register(2102, "TR", "Ankara", false, "2102-05-22");
        register(2103, "AR", "Córdoba", false, "2103-05-20");
        officer().body("{\"reason\":\"venue closed\",\"effectiveDate\":\"2102-05-01\"}")
                .post(edition(2102) + "/celebrations/4/cancellation").then().statusCode(200);

        given().queryParam("country", "ar").queryParam("size", 1).get(edition(2102)).then().statusCode(200)
                .body("celebrations.total", equalTo(3))
                .body("celebrations.byCountry.countryCode", contains("AR", "KE"))
                .body("celebrations.byCountry.celebrations", contains(2, 1))
                .body("celebrations.country", equalTo("AR")).body("celebrations.matching", equalTo(2))
                .body("celebrations.items.city", contains("Buenos Aires"));
        given().queryParam("page", 1).queryParam("size", 2).get(edition(2102)).then().statusCode(200)
                .body("celebrations.matching", equalTo(4))
                .body("celebrations.items.id", contains(3, 4))
                .body("celebrations.items[1].status", equalTo("CANCELLED"))
                .body("celebrations.items[1].cancellationReason", equalTo("venue closed"));
        given().get(edition(2102) + "/celebrations/2").then().statusCode(200)
                .body("countryCode", equalTo("KE")).body("city", nullValue()).body("online", equalTo(true))
                .body("status", equalTo("REGISTERED")).body("registered.date", equalTo("2102-03-01"));

        given().queryParam("from", "2102-05-20").queryParam("to", "2103-12-31").get("/api/wmd/celebrations")
                .then().statusCode(200).body("total", equalTo(3))
                .body("items.city", contains("Buenos Aires", "Rosario", "Córdoba"))
                .body("items.edition", contains(2102, 2102, 2103));
        given().queryParam("country", "KE").get("/api/wmd/celebrations").then().statusCode(200)
                .body("items.date", contains("2102-05-19"));
    }

    @Test
    void updates_a_celebration_and_then_refuses_to_change_it_once_cancelled() {
        announce(2104);
        register(2104, "FR", "Sèvres", false, "2104-05-20");
        officer().body(celebration("FR", "Paris", true, "2104-05-21")).put(edition(2104) + "/celebrations/1")
                .then().statusCode(200);
        given().get(edition(2104) + "/celebrations/1").then().body("city", equalTo("Paris")).body("date", equalTo("2104-05-21"));
        officer().body("{\"effectiveDate\":\"2104-03-01\"}").post(edition(2104) + "/celebrations/1/cancellation").then().statusCode(200);
        officer().body(celebration("FR", "Sèvres", false, "2104-05-20")).put(edition(2104) + "/celebrations/1")
                .then().statusCode(409).contentType(PROBLEM).body("type", equalTo("urn:bipm:problem:celebration-cancelled"));
        officer().body(celebration("FR", "Sèvres", false, "2104-05-20")).put(edition(2104) + "/celebrations/9")
                .then().statusCode(404).contentType(PROBLEM).body("type", equalTo("urn:bipm:problem:celebration-not-found"));
    }

    @Test
    void refusals_of_the_edition_are_conflict_problems_with_their_own_type() {
        announce(2105);
        officer().body("{\"year\":2105}").post(editions())
                .then().statusCode(409).contentType(PROBLEM).body("type", equalTo("urn:bipm:problem:edition-already-announced"));
        officer().body("{\"theme\":\"Time\",\"effectiveDate\":\"2105-02-01\"}").put(edition(2105) + "/theme").then().statusCode(200);
        officer().body("{\"effectiveDate\":\"2105-02-02\"}").post(edition(2105) + "/publication").then().statusCode(200);
        officer().body("{\"theme\":\"Space\",\"effectiveDate\":\"2105-02-03\"}").put(edition(2105) + "/theme")
                .then().statusCode(409).contentType(PROBLEM).body("type", equalTo("urn:bipm:problem:theme-locked-after-publication"));
        officer().body("{\"effectiveDate\":\"2105-02-03\"}").post(edition(2105) + "/poster/publication").then().statusCode(200);
        officer().body("{\"language\":\"de\",\"effectiveDate\":\"2105-02-03\"}").post(edition(2105) + "/poster/translations")
                .then().statusCode(200);
        officer().body("{\"language\":\"DE\",\"effectiveDate\":\"2105-02-04\"}").post(edition(2105) + "/poster/translations")
                .then().statusCode(409).contentType(PROBLEM).body("type", equalTo("urn:bipm:problem:translation-already-published"));
        officer().body(celebration("DE", "Braunschweig", false, "2106-05-20")).post(edition(2105) + "/celebrations")
                .then().statusCode(409).contentType(PROBLEM).body("type", equalTo("urn:bipm:problem:celebration-outside-edition-year"));
        officer().body("{\"language\":\"it\",\"effectiveDate\":\"2105-01-01\"}").post(edition(2105) + "/poster/translations")
                .then().statusCode(409).contentType(PROBLEM).body("type", equalTo("urn:bipm:problem:effective-date-before-latest-fact"));
        officer().body("{\"theme\":\"Time\"}").put(edition(2199) + "/theme")
                .then().statusCode(404).contentType(PROBLEM).body("type", equalTo("urn:bipm:problem:edition-not-found"));
        given().get(edition(2199)).then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void as_of_a_date_the_edition_shows_what_was_in_effect_then() {
        announce(2107);
        officer().body("{\"theme\":\"Before\",\"effectiveDate\":\"2107-02-01\"}").put(edition(2107) + "/theme").then().statusCode(200);
        register(2107, "JP", "Tokyo", false, "2107-05-20");
        officer().body("{\"theme\":\"After\",\"effectiveDate\":\"2107-04-01\"}").put(edition(2107) + "/theme").then().statusCode(200);
        officer().body("{\"effectiveDate\":\"2107-04-02\"}").post(edition(2107) + "/celebrations/1/cancellation").then().statusCode(200);

        given().queryParam("asOf", "2107-03-15").get(edition(2107)).then().statusCode(200)
                .body("theme", equalTo("Before")).body("celebrations.total", equalTo(1))
                .body("celebrations.items[0].status", equalTo("REGISTERED"));
        given().queryParam("asOf", "2107-01-31").get(edition(2107)).then().statusCode(200)
                .body("theme", nullValue()).body("celebrations.total", equalTo(0));
        given().queryParam("asOf", "2107-01-01").get(edition(2107)).then().statusCode(404);
        given().get(edition(2107)).then().statusCode(200).body("theme", equalTo("After")).body("celebrations.total", equalTo(0));
        given().queryParam("asOf", "2107-03-15").get(editions()).then().statusCode(200).body("theme", contains("Before"));
    }

    @Test
    void the_openapi_document_describes_every_endpoint_with_its_problems_and_write_headers() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths", hasKey("/api/wmd/editions"))
                .body("paths", hasKey("/api/wmd/editions/{year}/celebrations/{id}/cancellation"))
                .body("paths", hasKey("/api/wmd/celebrations"))
                .body("paths.'/api/wmd/editions/{year}/theme'.put.parameters.name", hasItems("If-Match", "Idempotency-Key"))
                .body("paths.'/api/wmd/editions/{year}/theme'.put.responses", hasKey("412"))
                .body("paths.'/api/wmd/editions/{year}/celebrations'.post.responses.'409'.content", hasKey(PROBLEM))
                .body("components.schemas", hasKey("Problem"));
    }

    private static io.restassured.response.ValidatableResponse register(int year, String country, String city, boolean online,
                                                                       String date) {
        return officer().body(celebration(country, city, online, date)).post(edition(year) + "/celebrations")
                .then().statusCode(201);
    }

    private static String celebration(String country, String city, boolean online, String date) {
        return "{\"title\":\"Metrology day\",\"organizer\":\"NMI\",\"countryCode\":\"" + country + "\","
                + (city == null ? "" : "\"city\":\"" + city + "\",") + "\"online\":" + online + ",\"date\":\"" + date + "\","
                + "\"effectiveDate\":\"" + date.substring(0, 4) + "-03-01\"}";
    }
}
