package org.bipm.platform.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.notNullValue;

import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.bipm.platform.testing.PlatformStack;
import org.bipm.platform.testing.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The five services started together: writes through the gateway, reads of its read models, rebuild,
 * replay of the reference data into a fresh gateway, one trace across the processes, faults.
 */
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
        platform.awaitGatewayCaughtUp(); // the topics hold the earlier test runs' events too
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
    void the_reference_data_replayed_into_a_fresh_gateway_gives_the_same_read_models() throws Exception {
        String tokens = String.join(",", loadReferenceData().values());
        List<String> reads = List.of("/api/dashboard?asOf=2025-12-31", "/api/countries?asOf=2023-03-31",
                "/api/countries/FR", "/api/countries/CARICOM", "/api/countries/TR?asOf=2024-12-31");
        Map<String, String> live = new LinkedHashMap<>();
        for (String read : reads) {
            live.put(read, given().baseUri(platform.gateway()).header("Consistency-Token", tokens).get(read)
                    .then().statusCode(200).extract().asString());
        }
        assertThat(live.get("/api/countries/FR")).contains("MEMBER_STATE");

        String replay = platform.startFreshGateway("gateway-replay");

        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            given().baseUri(replay).header("Consistency-Token", tokens).get(reads.getFirst()).then().statusCode(200);
            for (String read : reads) {
                assertThat(given().baseUri(replay).get(read).then().statusCode(200).extract().asString())
                        .as("%s replayed", read).isEqualTo(live.get(read));
            }
        });
    }

    @Test
    @Order(4)
    void one_trace_id_and_one_correlation_id_follow_a_write_from_the_gateway_through_the_service_to_the_projection() {
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String code = "TR-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        var answer = given().baseUri(platform.gateway())
                .auth().oauth2(Tokens.forRole("membership-officer")).contentType(ContentType.JSON)
                .header("traceparent", "00-" + traceId + "-" + "a1b2c3d4e5f60718" + "-01")
                .body("{\"name\":\"Traced Economy\",\"category\":\"ASSOCIATE_ECONOMY\",\"effectiveDate\":\"2024-05-20\"}")
                .post("/api/membership/participants/" + code + "/associate-admission")
                .then().statusCode(201).extract();
        // the client sent none: the gateway gave the request one, and names it in the answer
        String correlationId = answer.header("X-Correlation-Id");
        assertThat(correlationId).isNotBlank();
        given().baseUri(platform.gateway()).header("Consistency-Token", answer.header("Consistency-Token"))
                .get("/api/countries/" + code).then().statusCode(200);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            for (String id : List.of(traceId, correlationId)) {
                assertThat(linesWith(platform.log("gateway"), id)).as("gateway: the forwarded request and the projection, %s", id)
                        .anyMatch(line -> line.contains("/associate-admission -> membership: 201"))
                        .anyMatch(line -> line.contains("applied AssociateAdmitted " + code));
                assertThat(linesWith(platform.log("membership-service"), id)).as("membership-service: the write, %s", id)
                        .anyMatch(line -> line.contains("AdmitAssociate on " + code));
            }
        });
    }

    private static List<String> linesWith(String log, String id) {
        return log.lines().filter(line -> line.contains(id)).toList(); // JSON lines in the prod profile: "mdc":{"traceId":...}
    }

    /**
     * Sends {@code deploy/local/reference-data/*.requests} through the gateway as {@code load-requests.sh}
     * does (same line format, same idempotency keys); answers the Consistency-Token of the last write per service.
     */
    private static Map<String, String> loadReferenceData() throws Exception {
        Map<String, String> lastWrite = new LinkedHashMap<>();
        Map<String, String> tokens = new java.util.HashMap<>();
        List<Path> files;
        try (var list = Files.list(PlatformStack.root().resolve("deploy/local/reference-data"))) {
            files = list.filter(file -> file.toString().endsWith(".requests")).sorted().toList();
        }
        for (Path file : files) {
            for (String line : Files.readAllLines(file)) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] request = line.trim().split("\\s+", 4);
                String role = request[2];
                String bearer = tokens.computeIfAbsent(role, r -> r.contains(":")
                        ? Tokens.rmoSecretariat(r.substring(r.indexOf(':') + 1)) : Tokens.forRole(r));
                String key = "ref-" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                        .digest(line.getBytes(StandardCharsets.UTF_8))).substring(0, 40);
                var answer = given().baseUri(platform.gateway()).auth().oauth2(bearer).contentType(ContentType.JSON)
                        .header("Idempotency-Key", key).body(request.length > 3 ? request[3] : "{}")
                        .request(request[0], request[1]).then().extract();
                assertThat(answer.statusCode()).as("%s %s: %s", request[0], request[1], answer.asString()).isBetween(200, 299);
                String consistency = answer.header("Consistency-Token");
                if (consistency != null) {
                    lastWrite.put(consistency.substring(0, consistency.indexOf(':')), consistency);
                }
            }
        }
        assertThat(lastWrite).containsOnlyKeys("membership", "liaison", "cbkt", "wmd");
        return lastWrite;
    }

    @Test
    @Order(5)
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
