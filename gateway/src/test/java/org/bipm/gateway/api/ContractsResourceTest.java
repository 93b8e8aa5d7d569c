package org.bipm.gateway.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bipm.gateway.routing.EchoService;
import org.bipm.platform.testing.PlatformStack;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PlatformStack.class)
@WithTestResource(EchoService.class)
class ContractsResourceTest {

    @Test
    void serves_the_asyncapi_document_kept_in_the_repository() throws Exception {
        String served = given().get("/api/asyncapi.yaml").then().statusCode(200)
                .contentType("application/yaml").extract().asString();

        assertThat(served).isEqualTo(Files.readString(PlatformStack.root().resolve("deploy/contracts/asyncapi.yaml")));
    }

    @Test
    void serves_the_json_schemas_the_document_references() throws Exception {
        String served = given().get("/api/schemas/bipm.membership.v1/AccededToConvention.v1.json").then().statusCode(200)
                .contentType("application/schema+json").extract().asString();

        Path schema = PlatformStack.root().resolve(
                "membership-service/src/main/resources/META-INF/schemas/bipm.membership.v1/AccededToConvention.v1.json");
        assertThat(served).isEqualTo(Files.readString(schema));
        given().get("/api/schemas/bipm.membership.v1/NoSuchEvent.v1.json").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void serves_each_services_openapi_document_for_the_aggregated_swagger_ui() {
        // the membership route points at the echo service, which answers with what it was asked
        given().get("/api/openapi/membership").then().statusCode(200)
                .body("method", org.hamcrest.Matchers.equalTo("GET"))
                .body("path", org.hamcrest.Matchers.equalTo("/q/openapi"))
                .body("query", org.hamcrest.Matchers.equalTo("format=json"));
        given().get("/api/openapi/liaison").then().statusCode(503).contentType("application/problem+json");
    }

    @Test
    void documents_problem_answers_and_write_headers_from_the_kernel() {
        var openApi = given().get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath();

        assertThat(openApi.getMap("components.schemas")).containsKey("Problem");
        String forwardedWrite = "paths.'/api/{service}{rest}'.post";
        assertThat(openApi.getList(forwardedWrite + ".parameters.name", String.class)).contains("If-Match", "Idempotency-Key");
        assertThat(openApi.getMap(forwardedWrite + ".responses")).containsKeys("400", "401", "403", "404", "409", "412", "503");
        assertThat(openApi.getMap(forwardedWrite + ".responses.'409'.content")).containsKey("application/problem+json");
        // the rebuild is not a command on a stream: no If-Match for it
        assertThat(openApi.getList("paths.'/api/admin/rebuild'.post.parameters.name", String.class)).isNullOrEmpty();
        assertThat(openApi.getMap("paths.'/api/admin/rebuild'.post.responses")).containsKeys("401", "403", "409", "503");
    }
}
