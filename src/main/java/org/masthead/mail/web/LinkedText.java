package org.masthead.mail.web;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Plain text cut into runs, the web addresses among them marked as links, so a template can write each
 * run escaped and wrap the addresses in {@code <a>} itself. No markup from the text ever reaches the page.
 */
record LinkedText(List<Run> runs) {

    /** A stretch of text; {@code href} is set when the stretch is a web address. */
    record Run(String text, @Nullable String href) {}

    private static final Pattern WEB_ADDRESS = Pattern.compile("https?://[^\\s<>\"']+");
    /** Punctuation that ends a sentence rather than the address before it. */
    private static final String TRAILING = ".,;:!?)]}";

    static LinkedText of(String text) {
        List<Run> runs = new ArrayList<>();
        Matcher matcher = WEB_ADDRESS.matcher(text);
        int done = 0;
        while (matcher.find()) {
            int end = matcher.end();
            while (end > matcher.start() && TRAILING.indexOf(text.charAt(end - 1)) >= 0) {
                end--;
            }
            if (matcher.start() > done) {
                runs.add(new Run(text.substring(done, matcher.start()), null));
            }
            String address = text.substring(matcher.start(), end);
            runs.add(new Run(address, address));
            done = end;
        }
        if (done < text.length()) {
            runs.add(new Run(text.substring(done), null));
        }
        return new LinkedText(List.copyOf(runs));
    }
}
