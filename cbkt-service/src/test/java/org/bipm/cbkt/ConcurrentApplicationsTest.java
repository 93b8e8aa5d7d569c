package org.bipm.cbkt;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.bipm.cbkt.CbktFixtures.COORDINATOR;
import static org.bipm.cbkt.CbktFixtures.JSON;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bipm.platform.kernel.domain.Rmo;
import org.bipm.platform.testing.PlatformStack;
import org.bipm.platform.testing.TopicProbe;
import org.bipm.platform.testing.Tokens;
import org.junit.jupiter.api.Test;

/**
 * 200 applications at the same moment, from every RMO, by secretariats and coordinators, half asking
 * for funding, to an activity of 30 seats, 5 per RMO, 3 funded per RMO.
 */
@QuarkusTest
@WithTestResource(PlatformStack.class)
class ConcurrentApplicationsTest {

    private static final int APPLICANTS = 200;
    /** Admitted as an Associate by this test; QX never is. */
    private static final String ELIGIBLE = "QE";
    private static final String NOT_ELIGIBLE = "QX";

    @TestHTTPResource("/api/cbkt/activities")
    URI activities;

    record Applicant(int index, Rmo rmo, boolean funding, boolean eligible) {
    }

    @Test
    void quotas_hold_and_every_application_gets_exactly_one_outcome_in_arrival_order() throws Exception {
        CbktFixtures.produceMembership(List.<String[]>of(new String[] {ELIGIBLE, CbktFixtures.membershipEvent(ELIGIBLE, 1,
                "AssociateAdmitted", CbktFixtures.today().minusYears(1),
                CbktFixtures.admission("Test Associate", "ASSOCIATE_STATE", CbktFixtures.today().minusYears(1), List.of()))}));
        CbktFixtures.awaitEligibility(ELIGIBLE, CbktFixtures.today(), true);
        String activity = CbktFixtures.publishedActivity(30, 5, 3);

        List<Applicant> applicants = new ArrayList<>();
        for (int i = 0; i < APPLICANTS; i++) {
            applicants.add(new Applicant(i, Rmo.values()[i % 6], i % 3 != 0, i % 4 != 3));
        }
        Map<Rmo, String> secretariats = new EnumMap<>(Rmo.class);
        for (Rmo rmo : Rmo.values()) {
            secretariats.put(rmo, Tokens.rmoSecretariat(rmo.name()));
        }

        List<JsonNode> answers = new ArrayList<>();
        try (TopicProbe topic = TopicProbe.fromNow("bipm.cbkt.v1");
             HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
             ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<HttpResponse<String>>> responses = new ArrayList<>();
            for (Applicant applicant : applicants) {
                boolean byCoordinator = applicant.index() % 2 == 0;
                String body = JSON.writeValueAsString(CbktFixtures.application("Participant " + applicant.index(),
                        activity + "-" + applicant.index() + "@example.org", applicant.eligible() ? ELIGIBLE : NOT_ELIGIBLE,
                        byCoordinator ? applicant.rmo().name() : null, applicant.funding()));
                HttpRequest request = HttpRequest.newBuilder(URI.create(activities + "/" + activity + "/applications"))
                        .timeout(Duration.ofSeconds(60))
                        .header("Authorization", "Bearer " + (byCoordinator ? COORDINATOR : secretariats.get(applicant.rmo())))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
                responses.add(threads.submit(() -> {
                    start.await();
                    return http.send(request, HttpResponse.BodyHandlers.ofString());
                }));
            }
            long began = System.nanoTime();
            start.countDown();
            for (Future<HttpResponse<String>> response : responses) {
                HttpResponse<String> answer = response.get();
                assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
                answers.add(JSON.readTree(answer.body()));
            }
            System.out.printf("%d concurrent applications answered in %d ms%n", APPLICANTS, (System.nanoTime() - began) / 1_000_000);

            // every application is on the topic, once, with its outcome
            List<ConsumerRecord<String, byte[]>> published = topic.awaitKey(activity, APPLICANTS);
            assertThat(published).hasSize(APPLICANTS);
        }

        // one outcome per application; numbered in the order the stream decided them
        Set<String> ids = new HashSet<>();
        answers.forEach(answer -> ids.add(answer.get("applicationId").asText()));
        assertThat(ids).hasSize(APPLICANTS);
        assertThat(CbktFixtures.count("""
                select count(*) from events where stream_id = ? and type in
                ('ApplicationAccepted', 'ApplicationAcceptedWithoutFunding', 'ApplicationWaitlisted')""", activity)).isEqualTo(APPLICANTS);
        assertThat(CbktFixtures.count("""
                select count(distinct data->>'applicationId') from events where stream_id = ? and type in
                ('ApplicationAccepted', 'ApplicationAcceptedWithoutFunding', 'ApplicationWaitlisted')""", activity)).isEqualTo(APPLICANTS);

        // the outcomes are those of deciding the applications one by one in stream order
        List<JsonNode> inOrder = answers.stream().sorted((a, b) -> a.get("applicationId").asText().compareTo(b.get("applicationId").asText())).toList();
        Map<String, Applicant> requestOf = requestsByApplication(activity, applicants);
        Map<Rmo, int[]> taken = new EnumMap<>(Rmo.class);
        int seats = 0;
        for (JsonNode answer : inOrder) {
            Applicant applicant = requestOf.get(answer.get("applicationId").asText());
            int[] rmo = taken.computeIfAbsent(applicant.rmo(), r -> new int[2]);
            String expected;
            boolean funded = false;
            if (seats >= 30 || rmo[0] >= 5) {
                expected = "WAITLISTED";
            } else {
                seats++;
                rmo[0]++;
                if (!applicant.funding()) {
                    expected = "ACCEPTED";
                } else if (!applicant.eligible()) {
                    expected = "ACCEPTED_WITHOUT_FUNDING";
                } else if (rmo[1] >= 3) {
                    expected = "ACCEPTED_WITHOUT_FUNDING";
                } else {
                    expected = "ACCEPTED";
                    funded = true;
                    rmo[1]++;
                }
            }
            assertThat(answer.get("outcome").asText()).as(answer.toString()).isEqualTo(expected);
            assertThat(answer.get("funded").asBoolean()).as(answer.toString()).isEqualTo(funded);
        }

        // the live counts agree with the events: 5 per RMO, 30 in all, at most 3 funded per RMO
        JsonNode view = JSON.readTree(given().get("/api/cbkt/activities/{id}", activity).then().statusCode(200).extract().asString());
        JsonNode counts = view.get("counts");
        assertThat(counts.get("accepted").asInt()).isEqualTo(30);
        assertThat(counts.get("waitlisted").asInt()).isEqualTo(APPLICANTS - 30);
        assertThat(counts.get("seatsLeft").asInt()).isZero();
        long fundedEvents = CbktFixtures.count("select count(*) from events where stream_id = ? and type = 'ApplicationAccepted' and (data->>'funded')::boolean", activity);
        assertThat(counts.get("funded").asLong()).isEqualTo(fundedEvents);
        for (Rmo rmo : Rmo.values()) {
            JsonNode ofRmo = counts.get("byRmo").get(rmo.name());
            assertThat(ofRmo.get("accepted").asInt()).isEqualTo(5);
            assertThat(ofRmo.get("funded").asInt()).isEqualTo(taken.get(rmo)[1]).isLessThanOrEqualTo(3);
        }
        assertThat(CbktFixtures.count("select count(*) from enrolments where activity_id = ? and standing = 'ACCEPTED'", activity)).isEqualTo(30);
    }

    /** Which request each application answers, told by the participant's name as the coordinator reads it. */
    private static Map<String, Applicant> requestsByApplication(String activity, List<Applicant> applicants) throws Exception {
        JsonNode enrolments = JSON.readTree(given().auth().oauth2(COORDINATOR)
                .get("/api/cbkt/activities/{id}/enrolments", activity).then().statusCode(200).extract().asString());
        Map<String, Applicant> byApplication = new HashMap<>();
        for (JsonNode enrolment : enrolments) {
            int index = Integer.parseInt(enrolment.get("name").asText().substring("Participant ".length()));
            byApplication.put(enrolment.get("applicationId").asText(), applicants.get(index));
        }
        assertThat(byApplication).hasSize(APPLICANTS);
        return byApplication;
    }
}
