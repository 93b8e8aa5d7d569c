package org.bipm.platform.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.notNullValue;

import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.bipm.platform.testing.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** The five services started together: writes through the gateway, reads of its read models, faults, rebuild. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlatformEndToEndTest {

    private static RunningPlatform platform;
    private static final String CODE = "E2E-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();

    @BeforeAll
    static void start() {
        platform = RunningPlatform.start();
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    @Order(1)
    void a_write_through_the_gateway_is_read_back_from_its_read_models_with_the_consistency_token() {
        String token = given().baseUri(platform.gateway())
                .auth().oauth2(Tokens.forRole("membership-officer")).contentType(ContentType.JSON)
                .body("{\"name\":\"End-to-end Economy\",\"category\":\"ASSOCIATE_ECONOMY\",\"effectiveDate\":\"2024-05-20\"}")
                .post("/api/membership/participants/" + CODE + "/associate-admission")
                .then().statusCode(201).header("ETag", "\"1\"")
                .extract().header("Consistency-Token");
        assertThat(token).isEqualTo("membership:1:" + CODE);

        given().baseUri(platform.gateway()).header("Consistency-Token", token)
                .get("/api/countries/" + CODE)
                .then().statusCode(200)
                .body("code", equalTo(CODE))
                .body("membership.category", equalTo("ASSOCIATE_ECONOMY"));
    }

    @Test
    @Order(2)
    void rebuilt_read_models_equal_the_live_ones() {
        String live = given().baseUri(platform.gateway()).get("/api/countries/" + CODE).then().statusCode(200).extract().asString();
        String liveDashboard = given().baseUri(platform.gateway()).get("/api/dashboard?asOf=2024-12-31")
                .then().statusCode(200).extract().asString();

        given().baseUri(platform.gateway()).auth().oauth2(Tokens.forRole("platform-admin"))
                .post("/api/admin/rebuild").then().statusCode(202);
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() ->
                given().baseUri(platform.gateway()).auth().oauth2(Tokens.forRole("platform-admin"))
                        .get("/api/admin/rebuild").then().extract().path("state"), state -> "DONE".equals(state));

        assertThat(given().baseUri(platform.gateway()).get("/api/countries/" + CODE).then().statusCode(200).extract().asString())
                .isEqualTo(live);
        assertThat(given().baseUri(platform.gateway()).get("/api/dashboard?asOf=2024-12-31").then().statusCode(200).extract().asString())
                .isEqualTo(liveDashboard);
    }

    @Test
    @Order(3)
    void a_service_that_is_down_answers_503_problem_quickly_and_the_others_keep_working() throws Exception {
        platform.kill("events-service");
        given().baseUri(platform.gateway()).get("/api/wmd/editions")
                .then().statusCode(503).contentType("application/problem+json")
                .header("Retry-After", notNullValue())
                .body("service", equalTo("wmd"))
                .time(lessThan(3L), TimeUnit.SECONDS);
        given().baseUri(platform.gateway()).get("/api/membership/participants/" + CODE).then().statusCode(200);
        given().baseUri(platform.gateway()).get("/api/liaison/partners").then().statusCode(200);
        given().baseUri(platform.gateway()).get("/api/countries/" + CODE).then().statusCode(200);
    }
}
