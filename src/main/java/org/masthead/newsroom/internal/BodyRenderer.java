package org.masthead.newsroom.internal;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.springframework.stereotype.Component;

/** Renders article bodies from Markdown; any HTML a writer types is escaped, and unsafe links are dropped. */
@Component
public class BodyRenderer {

    private final Parser parser = Parser.builder().build();
    private final HtmlRenderer renderer =
            HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();

    public String toHtml(String markdown) {
        return renderer.render(parser.parse(markdown));
    }
}
