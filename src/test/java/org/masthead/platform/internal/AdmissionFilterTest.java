package org.masthead.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.servlet.FilterChain;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** One turn, held by a request that is still being worked on; BusyNodeTest covers a refusal end to end. */
class AdmissionFilterTest {

    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final AdmissionFilter filter = new AdmissionFilter(new ConcurrencyProperties(1, Duration.ofSeconds(5), 8), meters);
    final CountDownLatch started = new CountDownLatch(1);
    final CountDownLatch finish = new CountDownLatch(1);
    final CountDownLatch answered = new CountDownLatch(1);
    final ExecutorService requests = Executors.newVirtualThreadPerTaskExecutor();

    @AfterEach
    void stop() {
        answered.countDown();
        finish.countDown();
        requests.close();
    }

    @Test
    void aRequestWaitsForTheTurnToFreeAndIsThenWorkedOn() throws Exception {
        holdTheTurn();
        CompletableFuture<MockHttpServletResponse> next =
                CompletableFuture.supplyAsync(() -> run(new MockHttpServletRequest("GET", "/me")), requests);
        Thread.sleep(200);
        assertThat(next).as("it waits its turn").isNotDone();
        assertThat(waiting()).as("the operators' gauge counts it").isEqualTo(1);

        finish.countDown();

        assertThat(next.get(5, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
        assertThat(waiting()).isZero();
    }

    private double waiting() {
        return meters.get("masthead.admission.waiting").gauge().value();
    }

    @Test
    void aRequestThatWaitedTooLongIsRefusedAndLeavesTheTurnToTheNext() throws Exception {
        AdmissionFilter impatient =
                new AdmissionFilter(new ConcurrencyProperties(1, Duration.ofMillis(100), 8), new SimpleMeterRegistry());
        CompletableFuture<Void> holding = CompletableFuture.runAsync(
                () -> {
                    try {
                        impatient.doFilter(
                                new MockHttpServletRequest("GET", "/"),
                                new MockHttpServletResponse(),
                                (request, response) -> {
                                    started.countDown();
                                    await(finish);
                                });
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                },
                requests);
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();

        MockHttpServletResponse refused = new MockHttpServletResponse();
        impatient.doFilter(new MockHttpServletRequest("GET", "/me"), refused, (request, response) -> {});
        assertThat(refused.getStatus()).isEqualTo(503);
        assertThat(refused.getHeader("Retry-After")).isEqualTo("1");

        finish.countDown();
        holding.get(5, TimeUnit.SECONDS);
        MockHttpServletResponse next = new MockHttpServletResponse();
        impatient.doFilter(new MockHttpServletRequest("GET", "/me"), next, (request, response) -> {});
        assertThat(next.getStatus()).as("the turn is free again").isEqualTo(200);
    }

    @Test
    void anUploadIsNotHeldUpBehindOtherRequests() throws Exception {
        holdTheTurn();
        MockHttpServletRequest upload = new MockHttpServletRequest("POST", "/account/profile");
        upload.setContentType("multipart/form-data; boundary=x");

        CompletableFuture<MockHttpServletResponse> answer = CompletableFuture.supplyAsync(() -> run(upload), requests);

        assertThat(answer.get(1, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
    }

    @Test
    void aHealthProbeIsAnsweredWhileEveryTurnIsTaken() throws Exception {
        holdTheTurn();

        CompletableFuture<MockHttpServletResponse> answer = CompletableFuture.supplyAsync(
                () -> run(new MockHttpServletRequest("GET", "/actuator/health/liveness")), requests);

        assertThat(answer.get(1, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
    }

    @Test
    void aRequestWaitingForAServiceElsewhereLendsItsTurnAndTakesItBackAfter() throws Exception {
        CountDownLatch waiting = new CountDownLatch(1);
        CompletableFuture<MockHttpServletResponse> posting = CompletableFuture.supplyAsync(
                () -> {
                    MockHttpServletResponse response = new MockHttpServletResponse();
                    try {
                        filter.doFilter(
                                new MockHttpServletRequest("POST", "/discussion/1/comments"),
                                response,
                                (request, res) -> filter.whileWaiting(() -> {
                                    waiting.countDown();
                                    await(answered);
                                }));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    return response;
                },
                requests);
        assertThat(waiting.await(5, TimeUnit.SECONDS)).isTrue();

        assertThat(run(new MockHttpServletRequest("GET", "/me")).getStatus())
                .as("worked on in the turn the waiting request lent")
                .isEqualTo(200);

        holdTheTurn();
        answered.countDown();
        Thread.sleep(200);
        assertThat(posting).as("back from its wait, it waits for a turn again").isNotDone();

        finish.countDown();
        assertThat(posting.get(5, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
    }

    @Test
    void aRequestBackFromItsWaitIsWorkedOnBeforeRequestsThatHaveNotBegun() throws Exception {
        List<String> worked = new CopyOnWriteArrayList<>();
        CountDownLatch waiting = new CountDownLatch(1);
        CompletableFuture<MockHttpServletResponse> posting = CompletableFuture.supplyAsync(
                () -> run(new MockHttpServletRequest("POST", "/discussion/1/comments"), () -> {
                    filter.whileWaiting(() -> {
                        waiting.countDown();
                        await(answered);
                    });
                    worked.add("back from its wait");
                }),
                requests);
        assertThat(waiting.await(5, TimeUnit.SECONDS)).isTrue();
        holdTheTurn();
        CompletableFuture<MockHttpServletResponse> newcomer = CompletableFuture.supplyAsync(
                () -> run(new MockHttpServletRequest("GET", "/me"), () -> worked.add("new")), requests);
        Thread.sleep(200);
        answered.countDown();
        Thread.sleep(200);
        assertThat(posting).as("back from its wait, it waits for the turn").isNotDone();

        finish.countDown();

        assertThat(posting.get(5, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
        assertThat(newcomer.get(5, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
        assertThat(worked)
                .as("the turn goes to the request that lent it, though the other came first")
                .containsExactly("back from its wait", "new");
    }

    @Test
    void aWaitWithinAWaitLendsTheTurnOnlyOnce() throws Exception {
        CountDownLatch waiting = new CountDownLatch(1);
        requests.submit(() -> {
            filter.doFilter(
                    new MockHttpServletRequest("POST", "/discussion/1/comments"),
                    new MockHttpServletResponse(),
                    (request, response) -> filter.whileWaiting(() -> filter.whileWaiting(() -> {
                        waiting.countDown();
                        await(answered);
                    })));
            return null;
        });
        assertThat(waiting.await(5, TimeUnit.SECONDS)).isTrue();
        holdTheTurn();

        CompletableFuture<MockHttpServletResponse> next =
                CompletableFuture.supplyAsync(() -> run(new MockHttpServletRequest("GET", "/me")), requests);
        Thread.sleep(200);

        assertThat(next).as("the one turn lent is taken").isNotDone();
        answered.countDown();
        finish.countDown();
        assertThat(next.get(5, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
    }

    private void holdTheTurn() throws InterruptedException {
        requests.submit(() -> {
            FilterChain slow = (request, response) -> {
                started.countDown();
                await(finish);
            };
            filter.doFilter(
                    new MockHttpServletRequest("POST", "/discussion/1/comments"), new MockHttpServletResponse(), slow);
            return null;
        });
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
    }

    private MockHttpServletResponse run(MockHttpServletRequest request) {
        return run(request, () -> {});
    }

    private MockHttpServletResponse run(MockHttpServletRequest request, Runnable work) {
        MockHttpServletResponse response = new MockHttpServletResponse();
        try {
            filter.doFilter(request, response, (req, res) -> work.run());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return response;
    }

    /** Waits for the latch as a request's work would, keeping an interrupt for whoever runs it. */
    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
