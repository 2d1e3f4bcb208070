package org.masthead.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.masthead.MastheadTest;
import org.masthead.SecondNode;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A node that cannot start (its port taken, say) must exit, so that a supervisor sees it and starts
 * it again: nothing it started may keep the JVM alive.
 */
@MastheadTest
class FailedStartTest {

    @Autowired
    HikariDataSource dataSource;

    @Test
    void aNodeThatFailsToStartLeavesNoThreadToKeepItsProcessAlive() throws IOException {
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        // Jetty's pools grow a thread at a time as requests come: one of this context's own servers (a page
        // an earlier test left open still reconnects) may start one meanwhile. Those are not the failed node's.
        Set<String> runningPools = before.stream()
                .map(Thread::getName)
                .filter(name -> name.matches("qtp\\d+-\\d+"))
                .map(name -> name.substring(0, name.indexOf('-') + 1))
                .collect(Collectors.toSet());
        try (ServerSocket taken = new ServerSocket(0)) {
            assertThatThrownBy(() -> SecondNode.start(dataSource, "--server.port=" + taken.getLocalPort()))
                    .isNotNull();
        }

        // Pools shut down let their threads go within moments; a thread still waiting after that is a leak.
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        List<String> left;
        do {
            left = Thread.getAllStackTraces().keySet().stream()
                    .filter(thread -> !before.contains(thread) && thread.isAlive() && !thread.isDaemon())
                    .filter(thread -> runningPools.stream().noneMatch(thread.getName()::startsWith))
                    .map(Thread::getName)
                    .collect(Collectors.toList());
        } while (!left.isEmpty() && System.nanoTime() < deadline && pause());

        assertThat(left)
                .as("threads that would keep the process of a failed start alive")
                .isEmpty();
    }

    private static boolean pause() {
        try {
            Thread.sleep(200);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
