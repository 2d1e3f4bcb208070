package org.masthead.newsroom.internal;

import java.util.List;
import java.util.regex.Pattern;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * The structure an article body may have, whatever produced it: paragraphs, sub-headings, emphasis,
 * links, lists, quotes, pull quotes, our own images (as {@code figure}, {@code picture}, {@code source},
 * {@code img} and {@code figcaption}, pointing only at this site's renditions) and embed placeholders. Everything else is dropped,
 * so that no script, style, frame or event attribute reaches a reader.
 */
public final class BodyPolicy {

    /** The only frames an embed may load, and only when the reader asks. */
    public static final Pattern EMBED_SOURCE = Pattern.compile(
            "https://www\\.youtube-nocookie\\.com/embed/[A-Za-z0-9_-]{11}|https://player\\.vimeo\\.com/video/\\d{1,12}");

    /** A rendition of one of this site's images, and nothing else: never another site's picture. */
    private static final String OWN_RENDITION = "/media/\\d{1,18}/(?:(?:16x9|1x1)/)?\\d{1,5}\\.(?:jpg|webp)";

    public static final Pattern OWN_IMAGE_SOURCE = Pattern.compile(OWN_RENDITION);

    /** The sanitizer reads srcset as a list of addresses, and writes it back with a space before each comma. */
    public static final Pattern OWN_IMAGE_SRCSET =
            Pattern.compile(OWN_RENDITION + " \\d{1,5}w(?: ?, " + OWN_RENDITION + " \\d{1,5}w){0,15}");

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
                    "picture",
                    "span")
            // A picture without one of our addresses to show is no picture: it goes, whatever else it says.
            .allowElements((name, attributes) -> has(attributes, "src") ? name : null, "img")
            .allowElements((name, attributes) -> has(attributes, "srcset") ? name : null, "source")
            // The headline is the page's one h1; deeper levels than the page uses are folded in.
            .allowElements((name, attributes) -> "h2", "h1")
            .allowElements((name, attributes) -> "h4", "h5", "h6")
            .allowUrlProtocols("https", "http", "mailto")
            // An address of another kind (javascript:) is given to the sanitizer as none at all: a link
            // without one would only reload the page, so it goes and its words stay.
            .allowAttributes("href")
            .matching(Pattern.compile("\\S.*", Pattern.DOTALL))
            .onElements("a")
            .allowAttributes("start")
            .matching(Pattern.compile("\\d{1,6}"))
            .onElements("ol")
            .allowAttributes("src")
            .matching(OWN_IMAGE_SOURCE)
            .onElements("img")
            .allowAttributes("srcset")
            .matching(OWN_IMAGE_SRCSET)
            .onElements("img", "source")
            .allowAttributes("sizes")
            .matching(Pattern.compile("[0-9a-z(),.: +-]{1,120}"))
            .onElements("img", "source")
            .allowAttributes("type")
            .matching(Pattern.compile("image/(?:webp|jpeg)"))
            .onElements("source")
            .allowAttributes("width", "height")
            .matching(Pattern.compile("\\d{1,5}"))
            .onElements("img")
            .allowAttributes("loading")
            .matching(Pattern.compile("lazy"))
            .onElements("img")
            .allowAttributes("decoding")
            .matching(Pattern.compile("async"))
            .onElements("img")
            .allowAttributes("alt", "title")
            .onElements("img")
            .allowAttributes("class")
            .matching(Pattern.compile("figure__credit"))
            .onElements("span")
            .allowAttributes("class")
            .matching(Pattern.compile("pull-quote"))
            .onElements("aside")
            .allowAttributes("class")
            .matching(Pattern.compile("embed embed--(video|post)|figure"))
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

    /** Whether an attribute kept so far (names and values alternate in the list) has this name. */
    private static boolean has(List<String> attributes, String name) {
        for (int i = 0; i < attributes.size(); i += 2) {
            if (attributes.get(i).equals(name)) {
                return true;
            }
        }
        return false;
    }

    public static String sanitize(String html) {
        return POLICY.sanitize(html);
    }
}
