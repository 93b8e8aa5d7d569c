package org.bipm.wmd.api;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.bipm.platform.kernel.security.Roles;
import org.bipm.platform.testing.Tokens;

/** What the service's HTTP tests share: the officer's requests and a clean database. */
final class Wmd {

    static final String TOPIC = "bipm.wmd.v1";
    static final String PROBLEM = "application/problem+json";

    private Wmd() {
    }

    static RequestSpecification officer() {
        return given().auth().oauth2(Tokens.forRole(Roles.COMMUNICATIONS_OFFICER)).contentType(ContentType.JSON);
    }

    static String editions() {
        return "/api/wmd/editions";
    }

    static String edition(int year) {
        return "/api/wmd/editions/" + year;
    }

    static void announce(int year) {
        officer().body("{\"year\":" + year + ",\"effectiveDate\":\"" + year + "-01-10\"}").post(editions())
                .then().statusCode(201);
    }

    /** The test database keeps data between runs: each test starts from no edition at all. */
    static void clear(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("truncate events, outbox, idempotency_keys, edition_snapshots, celebrations");
        }
    }
}
