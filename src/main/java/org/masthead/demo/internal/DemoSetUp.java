package org.masthead.demo.internal;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Sets up the demo before the site takes its first request: the articles (on the first start), the demo
 * accounts, then the conversations and the sample agency copy in the wire folder (on the first start). The web server opens its port in the next phase of
 * the start, so a newcomer who opens the browser at once, or a crawler, never meets an empty newspaper; on a
 * busy machine a first start took 17 seconds to fill it. Each step logs its progress, and none stops the
 * site from starting.
 */
@Component
class DemoSetUp implements SmartLifecycle {

    private final DemoContentLoader content;
    private final DemoStaff staff;
    private final DemoConversations conversations;
    private final DemoWires wires;
    private volatile boolean running;

    DemoSetUp(DemoContentLoader content, DemoStaff staff, DemoConversations conversations, DemoWires wires) {
        this.content = content;
        this.staff = staff;
        this.conversations = conversations;
        this.wires = wires;
    }

    @Override
    public void start() {
        content.loadOnFirstStart();
        staff.ensureDemoAccounts();
        conversations.postOnFirstStart();
        wires.deliverOnFirstStart();
        running = true;
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Just before the web server starts taking requests. */
    @Override
    public int getPhase() {
        return WebServerApplicationContext.START_STOP_LIFECYCLE_PHASE - 1;
    }
}
