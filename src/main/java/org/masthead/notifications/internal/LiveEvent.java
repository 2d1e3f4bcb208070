package org.masthead.notifications.internal;

/**
 * One event pushed to open pages.
 *
 * @param id the event's id, given out in order (see {@link LiveEvents}); 0 for state, such as an
 *     unread count, which is not kept and which the browser does not count as seen
 * @param topic who receives it: everyone watching an article ({@link #article}), or one reader's
 *     pages ({@link #account})
 * @param name the SSE event name, such as {@code comment} or {@code unread}
 * @param data one line of JSON
 */
public record LiveEvent(long id, String topic, String name, String data) {

    public LiveEvent {
        if (data.indexOf('\n') >= 0 || data.indexOf('\r') >= 0 || name.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("A live event's name and data are one line each");
        }
    }

    public static String article(long articleId) {
        return "article-" + articleId;
    }

    public static String account(long accountId) {
        return "account-" + accountId;
    }

    /** The event as a server-sent event on the wire, ending with its blank line. */
    String asStreamText() {
        return (id > 0 ? "id:" + id + "\n" : "") + "event:" + name + "\ndata:" + data + "\n\n";
    }

    /** The event as a cluster message: four lines. */
    String encode() {
        return id + "\n" + topic + "\n" + name + "\n" + data;
    }

    static LiveEvent decode(String message) {
        String[] lines = message.split("\n", 4);
        if (lines.length != 4) {
            throw new IllegalArgumentException("Not a live event: " + message);
        }
        return new LiveEvent(Long.parseLong(lines[0]), lines[1], lines[2], lines[3]);
    }
}
