package org.masthead.newsroom.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.masthead.newsroom.ImageRef;

class BodyRendererTest {

    private static final ImageRef PHOTO = new ImageRef(
            12, 1000, 600, "Rain on the harbour wall", "The storm came in at dawn", "Photograph: Jo Lens", 0.5, 0.5);

    private final BodyRenderer renderer =
            new BodyRenderer(id -> id == PHOTO.id() ? Optional.of(PHOTO) : Optional.empty());

    @Test
    void ownImageAloneOnALineIsAFigureInEveryFormatAndSizeWithItsCaptionAndCredit() {
        String html = renderer.toHtml("Before.\n\n![Waves over the wall](/media/12 \"Waves at high tide\")\n\nAfter.");

        assertThat(html)
                .contains(
                        "<figure class=\"figure\"><picture><source type=\"image/webp\" srcset=\"/media/12/240.webp 240w , ")
                .contains("/media/12/1000.webp 1000w\"")
                .contains("<img src=\"/media/12/640.jpg\" srcset=\"/media/12/240.jpg 240w , ")
                .contains(
                        "width=\"1000\" height=\"600\" alt=\"Waves over the wall\" loading=\"lazy\" decoding=\"async\"")
                .contains(
                        "<figcaption>Waves at high tide <span class=\"figure__credit\">Photograph: Jo Lens</span></figcaption>")
                .startsWith("<p>Before.</p>")
                .endsWith("<p>After.</p>\n");
    }

    @Test
    void ownImageWithoutCaptionOrAltTakesTheLibrarysWords() {
        String html = renderer.toHtml("![](/media/12)");

        assertThat(html)
                .contains("alt=\"Rain on the harbour wall\"")
                .contains("<figcaption>The storm came in at dawn ");
    }

    @Test
    void anotherSitesImageOrAnUnknownOneIsLeftOutWithItsAltTextKept() {
        String html = renderer.toHtml("![A tracking pixel](https://tracker.example/p.gif)\n\n"
                + "Text with ![an inline picture](/media/12) inside.\n\n![Gone](/media/99)");

        assertThat(html)
                .doesNotContain("<img")
                .doesNotContain("tracker.example")
                .contains("<p>A tracking pixel</p>")
                .contains("<p>Text with an inline picture inside.</p>");
    }

    @Test
    void sanitizerKeepsOurOwnPicturesAndDropsAnyOtherSource() {
        String own = "<figure class=\"figure\"><picture><source type=\"image/webp\" srcset=\"/media/3/240.webp 240w, "
                + "/media/3/480.webp 480w\" sizes=\"(min-width: 42rem) 40rem, calc(100vw - 2rem)\" />"
                + "<img src=\"/media/3/480.jpg\" width=\"480\" height=\"270\" alt=\"A bridge\" loading=\"lazy\" /></picture>"
                + "<figcaption>A bridge <span class=\"figure__credit\">Photograph: A</span></figcaption></figure>";

        assertThat(BodyPolicy.sanitize(own))
                .contains("<source type=\"image/webp\" srcset=\"/media/3/240.webp 240w , /media/3/480.webp 480w\"")
                .contains(
                        "<img src=\"/media/3/480.jpg\" width=\"480\" height=\"270\" alt=\"A bridge\" loading=\"lazy\" />")
                .contains("<figcaption>A bridge <span class=\"figure__credit\">Photograph: A</span></figcaption>");

        String foreign = "<figure class=\"figure\"><picture><source srcset=\"https://evil.example/a.webp 1x\" />"
                + "<img src=\"https://evil.example/a.jpg\" alt=\"x\" /><img src=\"//evil.example/b.jpg\" alt=\"y\" />"
                + "<img src=\"/media/3/480.jpg?track=1\" alt=\"z\" />"
                + "<img src=\"/media/3/480.jpg\" srcset=\"/media/3/480.jpg 480w, https://evil.example/c.jpg 960w\" alt=\"w\" />"
                + "</picture></figure>";

        String kept = BodyPolicy.sanitize(foreign);
        assertThat(kept)
                .doesNotContain("evil.example")
                .doesNotContain("<source")
                .doesNotContain("track=");
        assertThat(kept).containsOnlyOnce("<img").contains("<img src=\"/media/3/480.jpg\" alt=\"w\" />");
    }

    @Test
    void anIndentedParagraphAsAWordProcessorPastesItIsAParagraphNotCode() {
        String html = renderer.toHtml("First.\n\n\tIndented paragraph pasted with a tab.\n\n    And four spaces.");

        assertThat(html)
                .doesNotContain("<pre")
                .doesNotContain("<code")
                .contains("<p>Indented paragraph pasted with a tab.</p>")
                .contains("<p>And four spaces.</p>");
    }

    @Test
    void markdownBecomesTheArticlesStructure() {
        String html = renderer.toHtml("# Big\n\nSome **bold** and *italic* with [a link](https://example.org).\n\n"
                + "## Sub\n\n- one\n- two\n\n> A quote");

        assertThat(html)
                .as("the page's one h1 is the headline")
                .contains("<h2>Big</h2>")
                .contains("<strong>bold</strong>")
                .contains("<em>italic</em>")
                .contains("<a href=\"https://example.org\">a link</a>")
                .contains("<h2>Sub</h2>")
                .contains("<li>one</li>")
                .contains("<blockquote>");
    }

    @Test
    void aQuoteInAQuoteIsAPullQuote() {
        assertThat(renderer.toHtml(">> Words worth repeating"))
                .contains("<aside class=\"pull-quote\">")
                .contains("<p>Words worth repeating</p>")
                .doesNotContain("blockquote");
    }

    @Test
    void aVideoAddressAloneOnALineIsAPlaceholderThatLoadsNothing() {
        String html = renderer.toHtml("Before.\n\nhttps://youtu.be/dQw4w9WgXcQ\n\nAfter.");

        assertThat(html)
                .contains("<figure class=\"embed embed--video\"")
                .contains("data-embed-src=\"https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ\"")
                .contains("href=\"https://youtu.be/dQw4w9WgXcQ\"")
                .doesNotContain("<iframe")
                .doesNotContain("<img");
    }

    @Test
    void aSocialPostIsALinkToIt() {
        String html = renderer.toHtml("<https://bsky.app/profile/masthead.example/post/3kabc>");

        assertThat(html)
                .contains("<figure class=\"embed embed--post\"")
                .contains("See the post on Bluesky")
                .doesNotContain("data-embed-src");
    }

    @Test
    void anAddressInASentenceStaysText() {
        assertThat(renderer.toHtml("Watch https://youtu.be/dQw4w9WgXcQ now.")).doesNotContain("embed");
    }

    @Test
    void typedMarkupIsShownAsTextAndUnsafeLinksAreDropped() {
        String html = renderer.toHtml("<b onclick=\"x()\">hi</b> [x](javascript:alert(1))");

        assertThat(html).doesNotContain("<b").doesNotContain("javascript:").contains("&lt;b onclick");
    }

    @Test
    void aLinkToAScriptOrNowhereBecomesItsWordsAlone() {
        String html =
                renderer.toHtml("Read [this](javascript:alert(3)), [that]() and [the rest](https://example.org/).");

        assertThat(html)
                .as("no link that reloads the page the reader is on")
                .isEqualTo("<p>Read this, that and <a href=\"https://example.org/\">the rest</a>.</p>\n");
        assertThat(BodyPolicy.sanitize("<p><a href=\"javascript:alert(3)\">wire</a></p>"))
                .isEqualTo("<p>wire</p>");
    }
}
