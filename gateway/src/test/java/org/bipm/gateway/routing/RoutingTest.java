package org.bipm.gateway.routing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.concurrent.TimeUnit;
import org.bipm.platform.testing.PlatformStack;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PlatformStack.class)
@WithTestResource(EchoService.class)
class RoutingTest {

    @Test
    void forwards_method_path_query_body_and_headers_and_passes_the_answer_back_unchanged() {
        given().header("Authorization", "Bearer abc").header("If-Match", "\"6\"").header("Idempotency-Key", "k-1")
                .contentType(ContentType.JSON).body("{\"effectiveDate\":\"2023-03-01\"}")
                .post("/api/membership/participants/FR/accession?dryRun=false")
                .then().statusCode(201)
                .header("ETag", "\"7\"").header("X-Upstream", "echo")
                .body("method", equalTo("POST"))
                .body("path", equalTo("/api/membership/participants/FR/accession"))
                .body("query", equalTo("dryRun=false"))
                .body("authorization", equalTo("Bearer abc"))
                .body("ifMatch", equalTo("\"6\""))
                .body("idempotencyKey", equalTo("k-1"))
                .body("body", equalTo("{\"effectiveDate\":\"2023-03-01\"}"));
        given().get("/api/membership/participants/FR/missing").then().statusCode(404);
    }

    @Test
    void a_request_carries_the_callers_correlation_id_or_a_new_one_to_the_service_and_back() {
        given().header("X-Correlation-Id", "flow-42").get("/api/membership/participants/FR")
                .then().statusCode(200).header("X-Correlation-Id", "flow-42").body("correlationId", equalTo("flow-42"));

        for (String unusable : new String[] {null, "", "x".repeat(201), "two words"}) {
            var request = given();
            if (unusable != null) {
                request.header("X-Correlation-Id", unusable);
            }
            var answer = request.get("/api/membership/participants/FR").then().statusCode(200).extract();
            assertThat(answer.headers().getValues("X-Correlation-Id")).as("for %s", unusable).hasSize(1);
            String minted = answer.header("X-Correlation-Id");
            assertThat(minted).as("for %s", unusable).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
            assertThat(answer.<String>path("correlationId")).isEqualTo(minted);
        }
    }

    @Test
    void a_successful_write_names_what_it_wrote_in_a_consistency_token() {
        given().contentType(ContentType.JSON).body("{}").post("/api/membership/participants/FR/rmo")
                .then().statusCode(201).header("Consistency-Token", "membership:7:FR");
        given().get("/api/membership/participants/FR").then().statusCode(200).header("Consistency-Token", (String) null);
    }

    @Test
    void a_service_that_is_down_answers_503_problem_quickly_and_the_others_keep_working() {
        for (int i = 0; i < 7; i++) {
            given().get("/api/liaison/liaisons")
                    .then().statusCode(503).contentType("application/problem+json")
                    .header("Retry-After", org.hamcrest.Matchers.notNullValue())
                    .body("type", equalTo("urn:bipm:problem:service-unavailable"))
                    .body("service", equalTo("liaison"))
                    .time(lessThan(2L), TimeUnit.SECONDS);
        }
        given().get("/api/membership/participants").then().statusCode(200);
    }
}
