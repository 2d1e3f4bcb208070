package org.masthead.newsroom.internal;

import java.util.regex.Pattern;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * The structure an article body may have, whatever produced it: paragraphs, sub-headings, emphasis,
 * links, lists, quotes, pull quotes, our own images and embed placeholders. Everything else is dropped,
 * so that no script, style, frame or event attribute reaches a reader.
 */
public final class BodyPolicy {

    /** The only frames an embed may load, and only when the reader asks. */
    public static final Pattern EMBED_SOURCE = Pattern.compile(
            "https://www\\.youtube-nocookie\\.com/embed/[A-Za-z0-9_-]{11}|https://player\\.vimeo\\.com/video/\\d{1,12}");

    private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowElements(
                    "p",
                    "h2",
                    "h3",
                    "h4",
                    "strong",
                    "em",
                    "a",
                    "ul",
                    "ol",
                    "li",
                    "blockquote",
                    "hr",
                    "br",
                    "code",
                    "pre",
                    "figure",
                    "figcaption",
                    "aside",
                    "img")
            // The headline is the page's one h1; deeper levels than the page uses are folded in.
            .allowElements((name, attributes) -> "h2", "h1")
            .allowElements((name, attributes) -> "h4", "h5", "h6")
            .allowUrlProtocols("https", "http", "mailto")
            .allowAttributes("href")
            .onElements("a")
            .allowAttributes("start")
            .matching(Pattern.compile("\\d{1,6}"))
            .onElements("ol")
            .allowAttributes("src")
            .matching(Pattern.compile("/media/\\d{1,18}/\\d{1,5}\\.jpg"))
            .onElements("img")
            .allowAttributes("alt", "title")
            .onElements("img")
            .allowAttributes("class")
            .matching(Pattern.compile("pull-quote"))
            .onElements("aside")
            .allowAttributes("class")
            .matching(Pattern.compile("embed embed--(video|post)"))
            .onElements("figure")
            .allowAttributes("class")
            .matching(Pattern.compile("embed__notice"))
            .onElements("p")
            .allowAttributes("class")
            .matching(Pattern.compile("embed__link"))
            .onElements("a")
            .allowAttributes("data-embed-src")
            .matching(EMBED_SOURCE)
            .onElements("figure")
            .allowAttributes("data-embed-provider")
            .matching(Pattern.compile("[A-Za-z]{1,20}"))
            .onElements("figure")
            .toFactory();

    private BodyPolicy() {}

    public static String sanitize(String html) {
        return POLICY.sanitize(html);
    }
}
