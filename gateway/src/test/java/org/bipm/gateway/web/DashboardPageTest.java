package org.bipm.gateway.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.bipm.gateway.TestEvents.MEMBERSHIP;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.time.LocalDate;
import org.bipm.gateway.Scenario;
import org.bipm.gateway.TestEvents;
import org.bipm.gateway.routing.EchoService;
import org.bipm.platform.testing.PlatformStack;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/** The dashboard in a real headless Chromium (Debian packages chromium and chromium-driver). */
@QuarkusTest
@WithTestResource(PlatformStack.class)
@WithTestResource(EchoService.class)
class DashboardPageTest {

    @Inject
    ObjectMapper json;

    @TestHTTPResource("/")
    URL root;

    private ChromeDriver browser;

    @BeforeEach
    void openBrowser() {
        ChromeOptions options = new ChromeOptions()
                .addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-dev-shm-usage", "--window-size=1280,2000");
        options.setBinary(System.getProperty("chromium.binary", "/usr/bin/chromium"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new java.io.File(System.getProperty("chromedriver", "/usr/bin/chromedriver")))
                .build();
        browser = new ChromeDriver(service, options);
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void the_page_draws_the_read_models_and_shows_new_events_live() {
        try (TestEvents events = new TestEvents(json)) {
            Scenario s = Scenario.publish(events);
            String token = s.consistencyToken(events);
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                    given().header("Consistency-Token", token).get("/api/activity").then().statusCode(200));

            browser.get(root + "?asOf=" + s.year() + "-05-21");
            JavascriptExecutor js = browser;
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                for (String chart : new String[] {"membership-chart", "cbkt-chart", "wmd-editions-chart", "wmd-countries-chart"}) {
                    Object points = js.executeScript("const c = Chart.getChart(document.getElementById(arguments[0]));"
                            + "return c ? c.data.datasets.reduce((n, d) => n + d.data.length, 0) : 0;", chart);
                    assertThat(((Number) points).intValue()).as(chart).isPositive();
                }
            });
            assertThat(js.executeScript("return Chart.getChart(document.getElementById('wmd-countries-chart')).data.labels"))
                    .asList().contains(s.country());
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(browser.findElement(By.id("liaisons-due")).getText()).contains(s.partner()));
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    Boolean.TRUE.equals(js.executeScript("return window.liveFeed && window.liveFeed.readyState === 1")));

            events.publish(MEMBERSHIP, s.country(), "ParticipantWithdrew", LocalDate.of(2024, 1, 1),
                    events.data("datePrecision", "DAY", "source", "test"));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(browser.findElement(By.id("feed")).findElement(By.tagName("li")).getText())
                            .contains("Participant withdrew").contains(s.country()));
        }
    }
}
