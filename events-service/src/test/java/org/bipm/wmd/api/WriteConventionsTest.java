package org.bipm.wmd.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.bipm.wmd.api.Wmd.PROBLEM;
import static org.bipm.wmd.api.Wmd.announce;
import static org.bipm.wmd.api.Wmd.edition;
import static org.bipm.wmd.api.Wmd.editions;
import static org.bipm.wmd.api.Wmd.officer;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.UUID;
import javax.sql.DataSource;
import org.bipm.platform.kernel.eventstore.EventStore;
import org.bipm.platform.kernel.security.Roles;
import org.bipm.platform.testing.PlatformStack;
import org.bipm.platform.testing.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The platform's HTTP contract, as this service keeps it: roles, If-Match, Idempotency-Key, 400 for bad input. */
@QuarkusTest
@WithTestResource(PlatformStack.class)
class WriteConventionsTest {

    private static final String CELEBRATION = "{\"title\":\"Fair\",\"organizer\":\"NIS\",\"countryCode\":\"EG\","
            + "\"city\":\"Cairo\",\"date\":\"2111-05-20\",\"effectiveDate\":\"2111-02-01\"}";

    @Inject
    DataSource dataSource;
    @Inject
    EventStore store;

    @BeforeEach
    void clean() throws Exception {
        Wmd.clear(dataSource);
    }

    @Test
    void writes_need_a_communications_officer_and_reads_need_no_token() {
        String body = "{\"year\":2110}";
        given().contentType(ContentType.JSON).body(body).post(editions())
                .then().statusCode(401).contentType(PROBLEM).header("WWW-Authenticate", "Bearer")
                .body("type", equalTo("urn:bipm:problem:unauthorized"));
        given().auth().oauth2(Tokens.forRole(Roles.MEMBERSHIP_OFFICER)).contentType(ContentType.JSON).body(body).post(editions())
                .then().statusCode(403).contentType(PROBLEM).body("type", equalTo("urn:bipm:problem:forbidden"));
        given().auth().oauth2(Tokens.rmoSecretariat("SIM")).contentType(ContentType.JSON).body(body).post(editions())
                .then().statusCode(403).contentType(PROBLEM);
        given().auth().oauth2("not-a-jwt").contentType(ContentType.JSON).body(body).post(editions())
                .then().statusCode(401).contentType(PROBLEM);
        assertThat(store.readStream("WMD-2110")).isEmpty();

        announce(2110);
        given().get(editions()).then().statusCode(200);
        given().get(edition(2110)).then().statusCode(200);
        given().get("/api/wmd/celebrations").then().statusCode(200);
    }

    @Test
    void a_write_with_a_stale_if_match_gets_412_and_changes_nothing() {
        announce(2111);
        String etag = given().get(edition(2111)).then().statusCode(200).extract().header("ETag");
        assertThat(etag).isEqualTo("\"1\"");
        officer().header("If-Match", etag).body("{\"theme\":\"First\",\"effectiveDate\":\"2111-02-01\"}").put(edition(2111) + "/theme")
                .then().statusCode(200).header("ETag", "\"2\"");
        officer().header("If-Match", etag).body("{\"theme\":\"Second\",\"effectiveDate\":\"2111-02-01\"}").put(edition(2111) + "/theme")
                .then().statusCode(412).contentType(PROBLEM).header("ETag", "\"2\"")
                .body("type", equalTo("urn:bipm:problem:precondition-failed")).body("currentVersion", equalTo(2));
        given().get(edition(2111)).then().body("theme", equalTo("First"));
    }

    @Test
    void a_replayed_idempotency_key_gets_the_first_answer_and_registers_one_celebration() {
        announce(2111);
        String key = UUID.randomUUID().toString();
        String first = officer().header("Idempotency-Key", key).body(CELEBRATION).post(edition(2111) + "/celebrations")
                .then().statusCode(201).header("Location", org.hamcrest.Matchers.endsWith("/api/wmd/editions/2111/celebrations/1"))
                .extract().asString();
        officer().header("Idempotency-Key", key).body(CELEBRATION).post(edition(2111) + "/celebrations")
                .then().statusCode(201).header("Idempotent-Replayed", "true").header("ETag", "\"2\"")
                .header("Location", org.hamcrest.Matchers.endsWith("/api/wmd/editions/2111/celebrations/1"))
                .body(equalTo(first));
        officer().header("Idempotency-Key", key).body(CELEBRATION.replace("Cairo", "Giza")).post(edition(2111) + "/celebrations")
                .then().statusCode(400).contentType(PROBLEM).body("type", equalTo("urn:bipm:problem:idempotency-key-reused"));
        assertThat(store.readStream("WMD-2111")).hasSize(2);
        given().get(edition(2111)).then().body("celebrations.total", equalTo(1));
    }

    @Test
    void bad_input_is_a_400_problem_never_a_500() {
        announce(2112);
        String theme = edition(2112) + "/theme";
        String celebrations = edition(2112) + "/celebrations";
        officer().body("{\"theme\":").put(theme).then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("urn:bipm:problem:malformed-body"));
        officer().body("{\"year\":\"next\"}").post(editions()).then().statusCode(400).contentType(PROBLEM)
                .body("field", equalTo("year"));
        officer().body("{\"theme\":[\"a\"]}").put(theme).then().statusCode(400).contentType(PROBLEM)
                .body("field", equalTo("theme"));
        officer().body("{\"theme\":\"T\",\"effectiveDate\":\"2112-02-30\"}").put(theme).then().statusCode(400)
                .contentType(PROBLEM).body("field", equalTo("effectiveDate"));
        officer().body("{\"theme\":\"T\",\"effectiveDate\":\"2112-02-03\",\"datePrecision\":\"MONTH\"}").put(theme)
                .then().statusCode(400).contentType(PROBLEM).body("type", equalTo("urn:bipm:problem:date-precision-mismatch"));
        officer().body("{\"theme\":\"T\",\"datePrecision\":\"WEEK\"}").put(theme).then().statusCode(400)
                .contentType(PROBLEM).body("field", equalTo("datePrecision"));
        officer().body("{\"theme\":\" \"}").put(theme).then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("urn:bipm:problem:validation"));
        officer().body("{\"theme\":\"T\",\"colour\":\"red\"}").put(theme).then().statusCode(400).contentType(PROBLEM)
                .body("detail", equalTo("unknown field 'colour'"));
        officer().body("").put(theme).then().statusCode(400).contentType(PROBLEM);
        officer().body(CELEBRATION.replace("2111-05-20", "20 May 2112")).post(celebrations).then().statusCode(400)
                .contentType(PROBLEM).body("field", equalTo("date"));
        officer().body(CELEBRATION.replace("\"EG\"", "\"Egypt\"").replace("2111", "2112")).post(celebrations).then().statusCode(400)
                .contentType(PROBLEM).body("type", equalTo("urn:bipm:problem:unknown-country"));
        officer().body(CELEBRATION.replace("\"city\":\"Cairo\",", "").replace("2111", "2112")).post(celebrations)
                .then().statusCode(400).contentType(PROBLEM).body("type", equalTo("urn:bipm:problem:celebration-place-missing"));
        officer().body("{\"institute\":\"NIS\",\"rmo\":\"AFRIMET\",\"effectiveDate\":\"2112-02-01\"}").put(edition(2112) + "/poster/partner")
                .then().statusCode(400).contentType(PROBLEM).body("type", equalTo("urn:bipm:problem:unknown-rmo"));
        officer().body("{\"effectiveDate\":\"2112-02-01\"}").post(edition(2112) + "/poster/publication").then().statusCode(200);
        officer().body("{\"language\":\"xx\",\"effectiveDate\":\"2112-02-01\"}").post(edition(2112) + "/poster/translations")
                .then().statusCode(400).contentType(PROBLEM).body("type", equalTo("urn:bipm:problem:unknown-language"));
        officer().body("{\"language\":\"Spanish\",\"effectiveDate\":\"2112-02-01\"}").post(edition(2112) + "/poster/translations")
                .then().statusCode(400).contentType(PROBLEM).body("type", equalTo("urn:bipm:problem:unknown-language"));
        officer().body("{\"title\":\"T\",\"startDate\":\"2112-05-20\",\"places\":[],\"effectiveDate\":\"2112-02-01\"}")
                .post(edition(2112) + "/special-events").then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("urn:bipm:problem:validation"));
        officer().header("If-Match", "yesterday").body("{\"theme\":\"T\"}").put(theme)
                .then().statusCode(400).contentType(PROBLEM).body("type", equalTo("urn:bipm:problem:if-match-invalid"));
        given().queryParam("asOf", "May 2112").get(edition(2112)).then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("urn:bipm:problem:invalid-query-parameter"));
        given().queryParam("from", "2112-06-01").queryParam("to", "2112-05-01").get("/api/wmd/celebrations")
                .then().statusCode(400).contentType(PROBLEM).body("type", equalTo("urn:bipm:problem:date-range-reversed"));
        given().queryParam("size", 0).get(edition(2112)).then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("urn:bipm:problem:validation"));
        assertThat(store.readStream("WMD-2112")).hasSize(2);
    }
}
