package org.masthead.newsroom.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BodyRendererTest {

    private final BodyRenderer renderer = new BodyRenderer();

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
}
