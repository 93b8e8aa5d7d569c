package org.bipm.wmd.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import javax.sql.DataSource;
import org.bipm.platform.kernel.eventstore.EventStore;
import org.bipm.platform.testing.PlatformStack;
import org.bipm.platform.testing.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Loads the reference data the way deploy/local/load-requests.sh does (one Idempotency-Key per line), twice. */
@QuarkusTest
@WithTestResource(PlatformStack.class)
class ReferenceDataTest {

    private static final Path REQUESTS = PlatformStack.root().resolve("deploy/local/reference-data/40-wmd.requests");

    @Inject
    DataSource dataSource;
    @Inject
    EventStore store;

    @BeforeEach
    void clean() throws Exception {
        Wmd.clear(dataSource);
    }

    @Test
    void loads_the_four_editions_from_the_seeds_and_a_second_load_adds_nothing() throws Exception {
        List<String> lines = Files.readAllLines(REQUESTS).stream()
                .filter(line -> !line.isBlank() && !line.startsWith("#")).toList();
        load(lines);
        long events = eventCount();
        load(lines);
        assertThat(eventCount()).isEqualTo(events).isEqualTo(lines.size());

        given().get("/api/wmd/editions").then().statusCode(200)
                .body("year", contains(2022, 2023, 2024, 2025))
                .body("theme", contains("Metrology in the Digital Era", "Measurements supporting the global food system",
                        "Sustainability", null));
        given().get("/api/wmd/editions/2022").then().statusCode(200)
                .body("poster.partner.rmo", equalTo("COOMET")).body("poster.partner.institute", nullValue())
                .body("announced.precision", equalTo("YEAR"))
                .body("poster.translationCount", equalTo(0))
                .body("reportedFigures.measure", contains("CELEBRATIONS", "POSTER_TRANSLATIONS"))
                .body("celebrations.total", equalTo(0));
        given().get("/api/wmd/editions/2023").then().statusCode(200)
                .body("poster.partner.institute", equalTo("INTI")).body("poster.partner.countryCode", equalTo("AR"))
                .body("poster.partner.rmo", equalTo("SIM"));
        given().get("/api/wmd/editions/2024").then().statusCode(200)
                .body("poster.partner.institute", equalTo("National Metrology Institute of Türkiye"))
                .body("specialEvents[0].startDate", equalTo("2024-05-14")).body("specialEvents[0].places", contains("UNESCO"));
        given().get("/api/wmd/editions/2025").then().statusCode(200)
                .body("status", equalTo("ANNOUNCED"))
                .body("specialEvents[0].startDate", equalTo("2025-05-20")).body("specialEvents[0].endDate", equalTo("2025-05-22"))
                .body("specialEvents[0].places", contains("Paris", "Versailles"));
    }

    private static void load(List<String> lines) throws Exception {
        for (String line : lines) {
            String[] parts = line.split(" ", 4);
            given().auth().oauth2(Tokens.forRole(parts[2])).contentType(ContentType.JSON)
                    .header("Idempotency-Key", "ref-" + sha256(line).substring(0, 40))
                    .body(parts[3].getBytes(StandardCharsets.UTF_8))
                    .request(parts[0], parts[1])
                    .then().statusCode(org.hamcrest.Matchers.both(org.hamcrest.Matchers.greaterThanOrEqualTo(200))
                            .and(org.hamcrest.Matchers.lessThan(300)));
        }
    }

    private long eventCount() {
        return List.of(2022, 2023, 2024, 2025).stream().mapToLong(year -> store.readStream("WMD-" + year).size()).sum();
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
