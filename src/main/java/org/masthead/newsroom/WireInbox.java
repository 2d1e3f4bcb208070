package org.masthead.newsroom;

/**
 * The newsroom's wire folder, for copy that does not come from an agency's own delivery: the demo's
 * sample stories. A file left here is taken in as an agency's would be, by whichever node finds it
 * first.
 */
public interface WireInbox {

    /**
     * Leaves a file in the wire folder, whole: it appears there under its name only once written.
     *
     * @param fileName its name, whose extension says its format: {@code .json} (ninjs), {@code .xml}
     *     (NewsML-G2) or {@code .txt} (plain text)
     */
    void deliver(String fileName, byte[] content);
}
