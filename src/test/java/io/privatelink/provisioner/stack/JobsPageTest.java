package io.privatelink.provisioner.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.privatelink.provisioner.fixtures.Jobs;
import io.privatelink.provisioner.fixtures.LocalStackResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** The live page of jobs in a real headless Chromium (Debian's, driven by Debian's chromedriver). */
@QuarkusTest
@Execution(ExecutionMode.SAME_THREAD)
@QuarkusTestResource(LocalStackResource.class)
class JobsPageTest {

    @TestHTTPResource("/jobs.html")
    URL page;

    /** One browser for the class: its start is most of a page test's time. */
    static ChromeDriver browser;
    static Dimension firstSize;

    @BeforeAll
    static void open() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + tempDir());
        browser = new ChromeDriver(new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile()).build(), options);
        firstSize = browser.manage().window().getSize();
    }

    static String tempDir() {
        try {
            return Files.createTempDirectory("chromium-").toString();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    WebDriverWait wait(int seconds) {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(seconds));
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        return wait;
    }

    /** Each test starts on a blank page at the browser's first size, so that none sees another's page. */
    @BeforeEach
    void blank() {
        browser.get("about:blank");
        browser.manage().window().setSize(firstSize);
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aNewJobAppearsAndItsRowReachesActiveOnAPhoneWidthScreen() throws Exception {
        browser.manage().window().setSize(new Dimension(390, 844));
        browser.get(page + "#token=" + io.privatelink.provisioner.fixtures.Callers.auditorToken());
        String jobId = Jobs.create(Jobs.request("vpc-demo01", UUID.randomUUID().toString()))
                .then().statusCode(202).extract().path("JobId");
        By status = By.cssSelector("tr[data-job-id='" + jobId + "'] td.status");
        // The page redraws its rows every 2 s: an element found a moment ago may be gone, so look again.
        wait(30).until(b -> !b.findElements(status).isEmpty() && "Active".equals(b.findElement(status).getText()));
        wait(10).until(b -> {
            b.findElement(By.cssSelector("tr[data-job-id='" + jobId + "']")).click();
            return true;
        });
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(b -> b.findElement(By.id("detail")).getText().contains(jobId));
        String timeline = browser.findElement(By.id("detail")).getText();
        for (String step : new String[] {"Accepted", "Provisioning", "Creating", "Active"}) {
            assertTrue(timeline.contains(step), "the timeline shows " + step + ":\n" + timeline);
        }
        assertTrue(timeline.contains("took "), "each step says how long it took");
        Object overflow = ((JavascriptExecutor) browser)
                .executeScript("return document.documentElement.scrollWidth > window.innerWidth");
        assertEquals(Boolean.FALSE, overflow, "nothing wider than a phone's screen");
        Files.write(Path.of("target/jobs-page.png"), browser.getScreenshotAs(OutputType.BYTES));
    }

    @Test
    void managedEndpointsAndServicesShowWithTheirJobsAndDriftBesideTheCountsOfJobsByState() throws Exception {
        browser.get(page + "#token=" + io.privatelink.provisioner.fixtures.Callers.auditorToken());
        String serviceId = ServicesTest.madeElsewhere();
        ServicesTest.adopted(serviceId);
        String endpointId = io.privatelink.provisioner.fixtures.Operations.activeEndpoint(UUID.randomUUID().toString())
                .getString("Endpoint.EndpointId");
        By row = By.cssSelector("tr[data-endpoint-id='" + endpointId + "']");
        wait(20).until(b -> !b.findElements(row).isEmpty() && b.findElement(row).getText().contains("Active"));
        String shown = browser.findElement(row).getText();
        assertTrue(shown.contains("none"), "no drift: " + shown);
        assertTrue(shown.contains("Create Active"), "its create job: " + shown);
        wait(10).until(b -> !b.findElements(By.cssSelector("#counts [data-status='Active']")).isEmpty());
        By service = By.cssSelector("tr[data-service-id='" + serviceId + "']");
        wait(20).until(b -> !b.findElements(service).isEmpty());
        String listed = browser.findElement(service).getText();
        assertTrue(listed.contains("AdoptService Adopted"), "its adoption: " + listed);
        assertTrue(listed.contains("none"), "no connection waits: " + listed);
    }

    @Test
    void theTimeFiltersAreDatePickersThatFilterTheList() {
        browser.get(page + "#token=" + io.privatelink.provisioner.fixtures.Callers.auditorToken());
        Jobs.create(Jobs.request("vpc-demo01", UUID.randomUUID().toString())).then().statusCode(202);
        wait(20).until(b -> !b.findElements(By.cssSelector("tr.job")).isEmpty());
        assertEquals("datetime-local", browser.findElement(By.name("CreatedAfter")).getAttribute("type"));
        assertEquals("datetime-local", browser.findElement(By.name("CreatedBefore")).getAttribute("type"));
        ((JavascriptExecutor) browser).executeScript(
                "document.querySelector('[name=CreatedAfter]').value = '2099-01-01T00:00:00'");
        browser.findElement(By.cssSelector("#filters button")).click();
        wait(20).until(b -> b.findElements(By.cssSelector("tr.job")).isEmpty());
    }

    @Test
    void theFiltersMatchListVpcEndpointJobs() {
        browser.get(page + "#token=" + io.privatelink.provisioner.fixtures.Callers.auditorToken());
        String vpc = "vpc-page-" + UUID.randomUUID().toString().substring(0, 6);
        String jobId = Jobs.create(Jobs.request(vpc, UUID.randomUUID().toString()))
                .then().statusCode(202).extract().path("JobId");
        browser.findElement(By.name("VpcId")).sendKeys(vpc);
        browser.findElement(By.cssSelector("#filters button")).click();
        wait(20).until(b -> {
            var rows = b.findElements(By.cssSelector("tr.job"));
            return rows.size() == 1 && jobId.equals(rows.get(0).getAttribute("data-job-id"));
        });
    }
}
