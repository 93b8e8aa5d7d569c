package org.bipm.gateway.projection;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.bipm.gateway.TestEvents.MEMBERSHIP;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import org.bipm.gateway.TestEvents;
import org.bipm.gateway.routing.EchoService;
import org.bipm.platform.testing.PlatformStack;
import org.junit.jupiter.api.Test;

/** With a time to live of an hour, only the projection's notifications can make a cached profile change. */
@QuarkusTest
@TestProfile(CountryProfileCacheTest.LongLivedCache.class)
@WithTestResource(PlatformStack.class)
@WithTestResource(EchoService.class)
class CountryProfileCacheTest {

    public static class LongLivedCache implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("gateway.country-cache.ttl", "1h");
        }
    }

    private static final String AS_OF = "?asOf=2024-01-01";

    @Inject
    ObjectMapper json;

    @Test
    void a_cached_profile_is_forgotten_as_soon_as_an_event_of_its_country_is_projected() {
        String code = "Q" + TestEvents.unique().toUpperCase().replaceAll("[^A-Z0-9]", "").substring(0, 8);
        given().get("/api/countries/" + code + AS_OF).then().statusCode(404); // cached: nothing known

        try (TestEvents events = new TestEvents(json)) {
            events.publish(MEMBERSHIP, code, "AssociateAdmitted", LocalDate.of(2020, 5, 20),
                    events.data("name", "Economy " + code, "category", "ASSOCIATE_ECONOMY"));
            await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                    given().get("/api/countries/" + code + AS_OF).then().statusCode(200)
                            .body("membership.name", equalTo("Economy " + code)));
            // now cached: read it again, then change it
            given().get("/api/countries/" + code + AS_OF).then().statusCode(200).body("membership.rmo", equalTo(null));

            events.publish(MEMBERSHIP, code, "RmoAffiliationChanged", LocalDate.of(2021, 1, 1), events.data("rmo", "EURAMET"));
        }
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                given().get("/api/countries/" + code + AS_OF).then().statusCode(200).body("membership.rmo", equalTo("EURAMET")));
    }
}
