package org.masthead.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * A stream's first frames are written by the thread that opens it, so that Spring commits the response on
 * the request's own thread; only what comes later is left to the writers' pool.
 */
class LiveConnectionTest {

    /** What was sent, as text, with the thread that sent it. */
    record Sent(String text, Thread by) {}

    static final class RecordingEmitter extends SseEmitter {

        final List<Sent> sent = new ArrayList<>();

        @Override
        public synchronized void send(Set<DataWithMediaType> items) {
            for (DataWithMediaType item : items) {
                sent.add(new Sent(String.valueOf(item.getData()), Thread.currentThread()));
            }
        }
    }

    /** A writers' pool that runs nothing until told to. */
    static final class HeldWriters implements Executor {

        final List<Runnable> waiting = new ArrayList<>();

        @Override
        public void execute(Runnable task) {
            waiting.add(task);
        }

        void runAll() {
            while (!waiting.isEmpty()) {
                waiting.removeFirst().run();
            }
        }
    }

    RecordingEmitter emitter = new RecordingEmitter();
    HeldWriters writers = new HeldWriters();
    LiveConnection connection = new LiveConnection(emitter, Set.of("article-1"), null, 100, c -> {}, writers);

    @Test
    void theFirstFramesAreWrittenByTheOpeningThreadAndLaterOnesByAWriter() {
        LiveEvent missed = new LiveEvent(7, "article-1", "comment", "{\"commentId\":7}");
        LiveEvent arrivingMeanwhile = new LiveEvent(8, "article-1", "comment", "{\"commentId\":8}");
        connection.offer(LiveConnection.Frame.of(arrivingMeanwhile));

        connection.start(List.of(LiveConnection.Frame.OPENING, LiveConnection.Frame.of(missed)));

        assertThat(emitter.sent)
                .extracting(Sent::text)
                .containsExactly(LiveConnection.Frame.OPENING_TEXT, missed.asStreamText());
        assertThat(emitter.sent).extracting(Sent::by).containsOnly(Thread.currentThread());

        LiveEvent later = new LiveEvent(9, "article-1", "comment", "{\"commentId\":9}");
        connection.offer(LiveConnection.Frame.of(later));
        writers.runAll();
        assertThat(emitter.sent)
                .extracting(Sent::text)
                .containsExactly(
                        LiveConnection.Frame.OPENING_TEXT,
                        missed.asStreamText(),
                        arrivingMeanwhile.asStreamText(),
                        later.asStreamText());
    }

    @Test
    void anEventBothReplayedAndArrivingIsSentOnce() {
        LiveEvent event = new LiveEvent(7, "article-1", "comment", "{\"commentId\":7}");
        connection.offer(LiveConnection.Frame.of(event));

        connection.start(List.of(LiveConnection.Frame.OPENING, LiveConnection.Frame.of(event)));
        connection.offer(LiveConnection.Frame.of(event));
        writers.runAll();

        assertThat(emitter.sent)
                .extracting(Sent::text)
                .containsExactly(LiveConnection.Frame.OPENING_TEXT, event.asStreamText());
    }
}
