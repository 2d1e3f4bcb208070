package org.masthead.mail.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.masthead.mail.LocalMailTest;
import org.masthead.mail.Mail;
import org.masthead.mail.MailProperties;
import org.masthead.mail.Mailbox;
import org.masthead.mail.MailboxMessage;
import org.masthead.platform.Workers;
import org.springframework.beans.factory.annotation.Autowired;

/** Senders on two nodes work through one outbox without sending any message twice. */
@LocalMailTest
class TwoSendersTest {

    /** Runs nothing in the background: the test drives both senders itself. */
    static final Workers NO_WORKERS = (name, pollInterval, wakeChannel, drain) -> {};

    @Autowired
    OutboxRepository outbox;

    @Autowired
    MailProperties properties;

    @Autowired
    Mailbox mailbox;

    /** Counts what each node sends, taking a moment over each as a mail server would. */
    static final class CountingDelivery implements MailDelivery {

        final Map<Long, Integer> sent;
        final Set<Long> mine = ConcurrentHashMap.newKeySet();

        CountingDelivery(Map<Long, Integer> sent) {
            this.sent = sent;
        }

        @Override
        public void deliver(ClaimedMail claimed) {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            sent.merge(claimed.id(), 1, Integer::sum);
            mine.add(claimed.id());
        }

        @Override
        public boolean leavesTheSite() {
            return true;
        }
    }

    @Test
    void twoSendersNeverSendTheSameMessageTwice() throws Exception {
        String batch = UUID.randomUUID().toString();
        // Added straight to the table, so no node is woken: the two senders below find them all due.
        List<Long> ids = IntStream.range(0, 80)
                .mapToObj(i -> outbox.add(new Mail(
                        "reader-" + i + "-" + batch + "@example.com",
                        "Message " + i,
                        "Text",
                        "<p>HTML</p>",
                        Mail.Kind.TRANSACTIONAL,
                        null)))
                .toList();
        Map<Long, Integer> sent = new ConcurrentHashMap<>();
        CountingDelivery deliveryA = new CountingDelivery(sent);
        CountingDelivery deliveryB = new CountingDelivery(sent);
        OutboxSender nodeA = new OutboxSender(outbox, deliveryA, properties, NO_WORKERS);
        OutboxSender nodeB = new OutboxSender(outbox, deliveryB, properties, NO_WORKERS);

        CountDownLatch ready = new CountDownLatch(1);
        try (ExecutorService threads = Executors.newFixedThreadPool(2)) {
            Future<Integer> a = threads.submit(() -> {
                ready.await();
                return nodeA.sendDue();
            });
            Future<Integer> b = threads.submit(() -> {
                ready.await();
                return nodeB.sendDue();
            });
            ready.countDown();
            a.get();
            b.get();
        }

        assertThat(sent.values()).as("times each message was sent").containsOnly(1);
        assertThat(deliveryA.mine).as("both nodes sent some").isNotEmpty().doesNotContainAnyElementsOf(deliveryB.mine);
        assertThat(deliveryB.mine).isNotEmpty();
        for (long id : ids) {
            MailboxMessage message = mailbox.message(id).orElseThrow();
            assertThat(message.status()).isEqualTo(MailboxMessage.Status.SENT);
            // Each claim counts an attempt: one attempt means no other sender ever claimed it.
            assertThat(message.attempts()).isEqualTo(1);
        }
    }
}
