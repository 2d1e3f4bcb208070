package org.masthead.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingStream;
import org.junit.jupiter.api.Test;
import org.masthead.Http;
import org.masthead.MastheadTest;
import org.masthead.TestMailServer;
import org.masthead.accounts.TestAccounts;
import org.masthead.accounts.TestAccounts.Credentials;
import org.masthead.discussion.Participant;
import org.masthead.newsroom.TestContent;
import org.masthead.notifications.SseClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.jetty.JettyWebServer;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.core.task.TaskExecutor;
import org.springframework.scheduling.TaskScheduler;

/**
 * A node never stops for want of a thread. A thread that loads a class may wait, inside the JVM's class
 * loading, for a lock held by another thread that is itself waiting for something else (the jar a class
 * and a template are read from has such locks). On virtual threads the waiting loader keeps its carrier,
 * and once every carrier is kept so, the holder of the lock never runs again: the node hangs for good,
 * as fresh starts under traffic did. Each kind of work here meets that situation and must get through.
 */
@MastheadTest
class ThreadsTest {

    /** Virtual threads run on one carrier per core, unless the JVM is told otherwise. */
    static final int CARRIERS = Integer.getInteger(
            "jdk.virtualThreadScheduler.parallelism", Runtime.getRuntime().availableProcessors());

    @LocalServerPort
    int port;

    @Autowired
    WebServerApplicationContext context;

    @Autowired
    @Qualifier("applicationTaskExecutor")
    TaskExecutor listeners;

    @Autowired
    TaskScheduler scheduler;

    @Autowired
    TestAccounts accounts;

    @Autowired
    TestContent content;

    @Test
    void requestThreadsGetPastAClassLoadWaitingForALockHeldByWorkThatWaits() throws Exception {
        JettyWebServer jetty = (JettyWebServer) context.getWebServer();
        getPastAClassLoadWaitingForALockHeldByWorkThatWaits(jetty.getServer().getThreadPool());
    }

    @Test
    void listenersGetPastAClassLoadWaitingForALockHeldByWorkThatWaits() throws Exception {
        getPastAClassLoadWaitingForALockHeldByWorkThatWaits(listeners);
    }

    @Test
    void scheduledJobsGetPastAClassLoadWaitingForALockHeldByWorkThatWaits() throws Exception {
        getPastAClassLoadWaitingForALockHeldByWorkThatWaits(task -> scheduler.schedule(task, Instant.now()));
    }

    /**
     * Reading a page, posting a reply, its notification and mail, and its live push to an open page: none
     * of it runs on a virtual thread, where a class load could hang the node.
     */
    @Test
    void servingPostingNotifyingMailingAndPushingRunNothingOnVirtualThreads() {
        long article = content.article(content.section("Threads")).published();
        Credentials ann = accounts.create(true);
        Credentials bob = accounts.create(true);
        List<String> started = new CopyOnWriteArrayList<>();
        try (RecordingStream events = new RecordingStream()) {
            events.enable("jdk.VirtualThreadStart");
            events.onEvent("jdk.VirtualThreadStart", event -> started.add(describe(event)));
            events.startAsync();

            try (SseClient page = new SseClient(port, "/live?article=" + article)) {
                assertThat(new Http(port).get("/").statusCode()).isEqualTo(200);
                long annsComment = Participant.signIn(port, ann).posted(article, "The ferry timetable is wrong.");
                Participant.signIn(port, bob).replied(article, annsComment, "It changed on Monday.");
                assertThat(TestMailServer.text(TestMailServer.awaitMessageTo(ann.email())))
                        .contains("It changed on Monday.");
                assertThat(page.next("comment", Duration.ofSeconds(10)).data())
                        .contains("\"commentId\":" + annsComment);
            }
            events.stop();
        }
        assertThat(started).as("virtual threads started").isEmpty();
    }

    /**
     * One task takes a lock and then waits (a virtual thread would leave its carrier here, still holding
     * the lock); then as many tasks as there are carriers load a class whose loading needs that lock (a
     * virtual thread stays on its carrier while it loads a class, and waits there). Once the first task
     * may go on, every task must finish.
     */
    private static void getPastAClassLoadWaitingForALockHeldByWorkThatWaits(Executor executor) throws Exception {
        Object jar = new Object();
        ClassLoader loadingFromTheJar = new ClassLoader(null) {
            @Override
            protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
                synchronized (jar) {
                    throw new ClassNotFoundException(name);
                }
            }
        };
        ReentrantLock somethingElse = new ReentrantLock();
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch finished = new CountDownLatch(CARRIERS + 1);
        List<Thread> loaders = new CopyOnWriteArrayList<>();
        somethingElse.lock();
        try {
            executor.execute(() -> {
                synchronized (jar) {
                    holding.countDown();
                    somethingElse.lock();
                    somethingElse.unlock();
                }
                finished.countDown();
            });
            assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();
            await().atMost(Duration.ofSeconds(10)).until(somethingElse::hasQueuedThreads);
            for (int i = 0; i < CARRIERS; i++) {
                executor.execute(() -> {
                    loaders.add(Thread.currentThread());
                    try {
                        Class.forName("org.masthead.NeverLoaded", false, loadingFromTheJar);
                    } catch (ClassNotFoundException expected) {
                        finished.countDown();
                    }
                });
            }
            // Every loader waiting for the lock, unless the executor runs fewer at once (it then queues them).
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (System.nanoTime() < deadline
                    && (loaders.size() < CARRIERS
                            || !loaders.stream().allMatch(thread -> thread.getState() == Thread.State.BLOCKED))) {
                Thread.sleep(10);
            }
        } finally {
            somethingElse.unlock();
        }
        assertThat(finished.await(20, TimeUnit.SECONDS))
                .as("every task finished (on virtual threads the node would have hung for good)")
                .isTrue();
    }

    /** The event is the new virtual thread's own: its name says what it was started for. */
    private static String describe(RecordedEvent event) {
        String name = event.getThread() == null ? "" : event.getThread().getJavaName();
        return "#" + event.getLong("javaThreadId") + " \"" + name + "\"";
    }
}
