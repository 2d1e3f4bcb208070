package org.masthead.newsroom.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.CustomBlock;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.HtmlWriter;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Renders article bodies from Markdown; any HTML a writer types is escaped, and unsafe links are
 * dropped. Two additions to Markdown: a quote inside a quote ({@code >> words}) is a pull quote, and a
 * video or social post's address alone on a line is an embed. What comes out is then held to
 * {@link BodyPolicy}, so nothing outside its structure can reach a reader, whatever the renderer does.
 */
@Component
public class BodyRenderer {

    private final Parser parser = Parser.builder()
            .postProcessor(BodyRenderer::markPullQuotesAndEmbeds)
            .build();
    private final HtmlRenderer renderer = HtmlRenderer.builder()
            .escapeHtml(true)
            .sanitizeUrls(true)
            .nodeRendererFactory(PullQuoteAndEmbedRenderer::new)
            .build();

    public String toHtml(String markdown) {
        return BodyPolicy.sanitize(renderer.render(parser.parse(markdown)));
    }

    static final class PullQuote extends CustomBlock {}

    static final class EmbedBlock extends CustomBlock {
        final Embeds.Embed embed;

        EmbedBlock(Embeds.Embed embed) {
            this.embed = embed;
        }
    }

    private static Node markPullQuotesAndEmbeds(Node document) {
        Node node = document.getFirstChild();
        while (node != null) {
            Node next = node.getNext();
            if (node instanceof BlockQuote outer
                    && outer.getFirstChild() instanceof BlockQuote inner
                    && inner.getNext() == null) {
                PullQuote pull = new PullQuote();
                Node child = inner.getFirstChild();
                while (child != null) {
                    Node following = child.getNext();
                    pull.appendChild(child);
                    child = following;
                }
                node.insertBefore(pull);
                node.unlink();
            } else if (node instanceof Paragraph paragraph) {
                String address = loneAddress(paragraph);
                if (address != null) {
                    Embeds.of(address).ifPresent(embed -> {
                        paragraph.insertBefore(new EmbedBlock(embed));
                        paragraph.unlink();
                    });
                }
            }
            node = next;
        }
        return document;
    }

    /** The address a paragraph holds and nothing else, as typed or as an autolink. */
    private static @Nullable String loneAddress(Paragraph paragraph) {
        Node only = paragraph.getFirstChild();
        if (only == null || only.getNext() != null) {
            return null;
        }
        if (only instanceof Text text) {
            return text.getLiteral();
        }
        if (only instanceof Link link
                && link.getFirstChild() instanceof Text text
                && text.getNext() == null
                && text.getLiteral().equals(link.getDestination())) {
            return link.getDestination();
        }
        return null;
    }

    private static final class PullQuoteAndEmbedRenderer implements NodeRenderer {

        private final HtmlNodeRendererContext context;
        private final HtmlWriter html;

        PullQuoteAndEmbedRenderer(HtmlNodeRendererContext context) {
            this.context = context;
            this.html = context.getWriter();
        }

        @Override
        public Set<Class<? extends Node>> getNodeTypes() {
            return Set.of(PullQuote.class, EmbedBlock.class);
        }

        @Override
        public void render(Node node) {
            if (node instanceof PullQuote) {
                html.line();
                html.tag("aside", attributes("class", "pull-quote"));
                Node child = node.getFirstChild();
                while (child != null) {
                    Node next = child.getNext();
                    context.render(child);
                    child = next;
                }
                html.tag("/aside");
                html.line();
            } else if (node instanceof EmbedBlock block) {
                Embeds.Embed embed = block.embed;
                html.line();
                if (embed.isVideo()) {
                    html.tag(
                            "figure",
                            attributes(
                                    "class", "embed embed--video",
                                    "data-embed-src", embed.frameSource(),
                                    "data-embed-provider", embed.provider()));
                    notice("A video from " + embed.provider()
                            + ". Nothing is loaded from there until you ask, so it learns nothing of your visit.");
                    link(embed, "Watch it on " + embed.provider());
                } else {
                    html.tag(
                            "figure",
                            attributes("class", "embed embed--post", "data-embed-provider", embed.provider()));
                    notice("A post on " + embed.provider() + ". It is not loaded here, so " + embed.provider()
                            + " learns nothing of your visit.");
                    link(embed, "See the post on " + embed.provider());
                }
                html.tag("/figure");
                html.line();
            }
        }

        /** In the order given, so that the same body always renders to the same bytes. */
        private static Map<String, String> attributes(String... namesAndValues) {
            Map<String, String> attributes = new LinkedHashMap<>();
            for (int i = 0; i < namesAndValues.length; i += 2) {
                attributes.put(namesAndValues[i], namesAndValues[i + 1]);
            }
            return attributes;
        }

        private void notice(String text) {
            html.tag("p", attributes("class", "embed__notice"));
            html.text(text);
            html.tag("/p");
        }

        private void link(Embeds.Embed embed, String text) {
            html.tag("p");
            html.tag("a", attributes("class", "embed__link", "href", context.encodeUrl(embed.url())));
            html.text(text);
            html.tag("/a");
            html.tag("/p");
        }
    }
}
