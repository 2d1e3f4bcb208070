package org.masthead.newsroom.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.CustomBlock;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.ListBlock;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.HtmlWriter;
import org.jspecify.annotations.Nullable;
import org.masthead.newsroom.ImageCrop;
import org.masthead.newsroom.ImageFormat;
import org.masthead.newsroom.ImageRef;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Renders article bodies from Markdown; any HTML a writer types is escaped, and unsafe links are
 * dropped. Three additions to Markdown: a quote inside a quote ({@code >> words}) is a pull quote, a
 * video or social post's address alone on a line is an embed, and one of our own images alone on a
 * line ({@code ![alt text](/media/12 "Caption")}) is a figure, served in the sizes and formats the site
 * offers, with its caption and credit. Any other image (another site's, or one inside a sentence) is
 * left out, its alt text kept. What comes out is then held to {@link BodyPolicy}, so nothing outside its
 * structure can reach a reader, whatever the renderer does.
 */
@Component
public class BodyRenderer {

    /** An image of this site as the editor inserts it: {@code /media/12}, or a rendition's own address. */
    static final Pattern OWN_IMAGE = Pattern.compile("/media/(\\d{1,18})(?:/[0-9a-z/.]*)?");

    /** How wide a figure in the body is: the column's measure, or the screen less the page's margins. */
    static final String FIGURE_SIZES = "(min-width: 42rem) 40rem, calc(100vw - 2rem)";

    private final LongFunction<Optional<ImageRef>> images;
    // No indented code blocks: text pasted from a word processor starts paragraphs with a tab or spaces,
    // and readers got them as monospace code that ran off a phone's screen. Fenced code (```) stays.
    private final Parser parser = Parser.builder()
            .enabledBlockTypes(Set.of(
                    Heading.class,
                    HtmlBlock.class,
                    ThematicBreak.class,
                    FencedCodeBlock.class,
                    BlockQuote.class,
                    ListBlock.class))
            .postProcessor(BodyRenderer::markPullQuotesEmbedsAndFigures)
            .build();
    private final HtmlRenderer renderer;

    @Autowired
    BodyRenderer(ImageRepository images) {
        this(images::find);
    }

    /** With the images a body may show looked up some other way (a test's own). */
    public BodyRenderer(LongFunction<Optional<ImageRef>> images) {
        this.images = images;
        this.renderer = HtmlRenderer.builder()
                .escapeHtml(true)
                .sanitizeUrls(true)
                .nodeRendererFactory(context -> new PullQuoteAndEmbedRenderer(context, this.images))
                .build();
    }

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

    static final class FigureBlock extends CustomBlock {
        final long imageId;
        final String altText;
        final @Nullable String caption;

        FigureBlock(long imageId, String altText, @Nullable String caption) {
            this.imageId = imageId;
            this.altText = altText;
            this.caption = caption;
        }
    }

    private static Node markPullQuotesEmbedsAndFigures(Node document) {
        replaceImages(document);
        markPullQuotesAndEmbeds(document);
        return document;
    }

    /**
     * Our own image alone in a paragraph becomes a figure; every other image gives way to its alt text, so
     * that no picture from another site is ever loaded by a reader's browser.
     */
    private static void replaceImages(Node parent) {
        Node node = parent.getFirstChild();
        while (node != null) {
            Node next = node.getNext();
            if (node instanceof Image image) {
                String alt = textOf(image);
                Matcher own = OWN_IMAGE.matcher(image.getDestination());
                if (own.matches()
                        && parent instanceof Paragraph paragraph
                        && image.getPrevious() == null
                        && next == null) {
                    String title = image.getTitle();
                    paragraph.insertBefore(new FigureBlock(
                            Long.parseLong(own.group(1)), alt, title == null || title.isBlank() ? null : title));
                    paragraph.unlink();
                    return;
                }
                image.insertBefore(new Text(alt));
                image.unlink();
            } else {
                replaceImages(node);
            }
            node = next;
        }
    }

    private static String textOf(Node node) {
        StringBuilder text = new StringBuilder();
        Node child = node.getFirstChild();
        while (child != null) {
            if (child instanceof Text literal) {
                text.append(literal.getLiteral());
            } else {
                text.append(textOf(child));
            }
            child = child.getNext();
        }
        return text.toString();
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
        private final LongFunction<Optional<ImageRef>> images;

        PullQuoteAndEmbedRenderer(HtmlNodeRendererContext context, LongFunction<Optional<ImageRef>> images) {
            this.context = context;
            this.html = context.getWriter();
            this.images = images;
        }

        @Override
        public Set<Class<? extends Node>> getNodeTypes() {
            return Set.of(PullQuote.class, EmbedBlock.class, FigureBlock.class);
        }

        /** An image that is not in the library (any more, or a mistyped number) is left out. */
        private void figure(FigureBlock block) {
            Optional<ImageRef> found = images.apply(block.imageId);
            if (found.isEmpty()) {
                return;
            }
            ImageRef image = found.get();
            String alt = block.altText.isBlank() ? image.altText() : block.altText;
            String caption = block.caption == null ? image.caption() : block.caption;
            html.line();
            html.tag("figure", attributes("class", "figure"));
            html.tag("picture");
            html.tag(
                    "source",
                    attributes(
                            "type", ImageFormat.WEBP.contentType(),
                            "srcset", image.srcset(ImageCrop.ORIGINAL, ImageFormat.WEBP),
                            "sizes", FIGURE_SIZES),
                    true);
            html.tag(
                    "img",
                    attributes(
                            "src",
                            image.address(ImageCrop.ORIGINAL, image.widthAtLeast(640), ImageFormat.JPEG),
                            "srcset",
                            image.srcset(ImageCrop.ORIGINAL, ImageFormat.JPEG),
                            "sizes",
                            FIGURE_SIZES,
                            "width",
                            String.valueOf(image.width()),
                            "height",
                            String.valueOf(image.height()),
                            "alt",
                            alt,
                            "loading",
                            "lazy",
                            "decoding",
                            "async"),
                    true);
            html.tag("/picture");
            if (!caption.isBlank() || !image.credit().isBlank()) {
                html.tag("figcaption");
                html.text(caption);
                if (!image.credit().isBlank()) {
                    if (!caption.isBlank()) {
                        html.text(" ");
                    }
                    html.tag("span", attributes("class", "figure__credit"));
                    html.text(image.credit());
                    html.tag("/span");
                }
                html.tag("/figcaption");
            }
            html.tag("/figure");
            html.line();
        }

        @Override
        public void render(Node node) {
            if (node instanceof FigureBlock block) {
                figure(block);
            } else if (node instanceof PullQuote) {
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
