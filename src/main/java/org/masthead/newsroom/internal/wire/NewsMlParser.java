package org.masthead.newsroom.internal.wire;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.jspecify.annotations.Nullable;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * NewsML-G2 text items: a {@code newsItem}, or a {@code newsMessage} carrying some. From each, its
 * {@code guid} and {@code version}; the provider (or copyright holder) as the agency; from its content
 * meta the headline, summary, byline and urgency; the text of its {@code inlineXML} (XHTML or NITF) or
 * {@code inlineData}.
 *
 * <p>The parser refuses any document type declaration outright: with no DTD there are no entities to
 * expand (the "billion laughs") and none to fetch from elsewhere (XXE), and nothing is ever loaded from
 * another address (no external DTD, schema or XInclude).
 */
final class NewsMlParser {

    private static final DocumentBuilderFactory FACTORY = factory();

    private NewsMlParser() {}

    static List<WireStory> parse(byte[] content, String defaultAgency) {
        Document document = read(content);
        Element root = document.getDocumentElement();
        List<Element> items = new ArrayList<>();
        switch (root.getLocalName() == null ? "" : root.getLocalName()) {
            case "newsItem" -> items.add(root);
            case "newsMessage" -> {
                for (Element set : children(root, "itemSet")) {
                    items.addAll(children(set, "newsItem"));
                }
            }
            default ->
                throw new WireRejectedException("It is XML, but not NewsML-G2: its root is <"
                        + WireText.shown(root.getTagName()).replace("\"", "") + ">, not <newsItem> or <newsMessage>.");
        }
        if (items.isEmpty()) {
            throw new WireRejectedException("The NewsML-G2 message carries no newsItem.");
        }
        List<WireStory> stories = new ArrayList<>(items.size());
        for (Element item : items) {
            stories.add(story(item, defaultAgency));
        }
        return stories;
    }

    private static WireStory story(Element item, String defaultAgency) {
        Element itemMeta = child(item, "itemMeta");
        Element contentMeta = child(item, "contentMeta");
        String agency = null;
        if (itemMeta != null) {
            agency = nameOf(child(itemMeta, "provider"));
        }
        Element rights = child(item, "rightsInfo");
        if ((agency == null || agency.isBlank()) && rights != null) {
            agency = nameOf(child(rights, "copyrightHolder"));
        }
        String headline = null;
        String summary = null;
        String byline = null;
        String urgency = null;
        if (contentMeta != null) {
            headline = textOf(child(contentMeta, "headline"));
            summary = summary(contentMeta);
            byline = textOf(child(contentMeta, "by"));
            urgency = textOf(child(contentMeta, "urgency"));
        }
        return WireText.story(
                attribute(item, "guid"),
                WireText.version(attribute(item, "version")),
                agency,
                defaultAgency,
                headline,
                summary,
                body(child(item, "contentSet")),
                byline,
                WireText.urgency(urgency));
    }

    /** The description whose role is a summary, else the first. */
    private static @Nullable String summary(Element contentMeta) {
        List<Element> descriptions = children(contentMeta, "description");
        for (Element description : descriptions) {
            if (description.getAttribute("role").toLowerCase(Locale.ROOT).contains("summary")) {
                return textOf(description);
            }
        }
        return descriptions.isEmpty() ? null : textOf(descriptions.getFirst());
    }

    private static String body(@Nullable Element contentSet) {
        if (contentSet == null) {
            return "";
        }
        Element inlineXml = child(contentSet, "inlineXML");
        if (inlineXml != null) {
            List<String> paragraphs = new ArrayList<>();
            StringBuilder current = new StringBuilder();
            collect(inlineXml, paragraphs, current);
            paragraphs.add(current.toString());
            return WireText.paragraphs(paragraphs);
        }
        Element inlineData = child(contentSet, "inlineData");
        if (inlineData != null) {
            return WireText.plainParagraphs(inlineData.getTextContent());
        }
        return "";
    }

    /** Text in document order, a new paragraph at every block element (XHTML's p, NITF's p and hl2). */
    private static void collect(Node node, List<String> paragraphs, StringBuilder current) {
        for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
            switch (child.getNodeType()) {
                case Node.TEXT_NODE, Node.CDATA_SECTION_NODE -> current.append(child.getNodeValue());
                case Node.ELEMENT_NODE -> {
                    String name = child.getLocalName() == null
                            ? child.getNodeName()
                            : child.getLocalName().toLowerCase(Locale.ROOT);
                    if (name.equals("head") || name.equals("title") || name.equals("script") || name.equals("style")) {
                        continue;
                    }
                    boolean block = WireText.BLOCKS.contains(name);
                    if (block) {
                        paragraphs.add(current.toString());
                        current.setLength(0);
                    }
                    collect(child, paragraphs, current);
                    if (block) {
                        paragraphs.add(current.toString());
                        current.setLength(0);
                    }
                }
                default -> {
                    // comments and processing instructions are not copy
                }
            }
        }
    }

    /** A party as NewsML-G2 names it: its {@code name} child, its {@code literal}, or its {@code qcode}'s code. */
    private static @Nullable String nameOf(@Nullable Element party) {
        if (party == null) {
            return null;
        }
        String name = textOf(child(party, "name"));
        if (name != null && !name.isBlank()) {
            return name;
        }
        if (!party.getAttribute("literal").isBlank()) {
            return party.getAttribute("literal");
        }
        String qcode = party.getAttribute("qcode");
        return qcode.isBlank() ? null : qcode.substring(qcode.indexOf(':') + 1);
    }

    private static @Nullable String attribute(Element element, String name) {
        return element.hasAttribute(name) ? element.getAttribute(name) : null;
    }

    private static @Nullable String textOf(@Nullable Element element) {
        return element == null ? null : element.getTextContent();
    }

    private static @Nullable Element child(Element parent, String localName) {
        List<Element> found = children(parent, localName);
        return found.isEmpty() ? null : found.getFirst();
    }

    private static List<Element> children(Element parent, String localName) {
        List<Element> found = new ArrayList<>();
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element && localName.equals(element.getLocalName())) {
                found.add(element);
            }
        }
        return found;
    }

    private static Document read(byte[] content) {
        try {
            DocumentBuilder builder;
            // A factory is not promised to be safe for threads; making a builder is quick.
            synchronized (FACTORY) {
                builder = FACTORY.newDocumentBuilder();
            }
            builder.setErrorHandler(SILENT);
            // Nothing may be fetched, even if a declaration slipped past the refusal of DTDs.
            builder.setEntityResolver((publicId, systemId) -> {
                throw new SAXException("External entities are not allowed");
            });
            return builder.parse(new ByteArrayInputStream(content));
        } catch (SAXParseException e) {
            String message = String.valueOf(e.getMessage());
            if (message.contains("DOCTYPE")) {
                throw new WireRejectedException(
                        "It declares a document type (DOCTYPE), which we never read: it could fetch files or expand"
                                + " entities without end.");
            }
            throw new WireRejectedException("It is not well-formed XML (line " + e.getLineNumber() + ", column "
                    + e.getColumnNumber() + "): " + message);
        } catch (SAXException | IOException e) {
            throw new WireRejectedException("It is not well-formed XML: " + e.getMessage());
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("The XML parser cannot be set up safely", e);
        }
    }

    private static DocumentBuilderFactory factory() {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        try {
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("The XML parser cannot be set up safely", e);
        }
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        factory.setAttribute("jdk.xml.maxElementDepth", "100");
        factory.setNamespaceAware(true);
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        factory.setValidating(false);
        return factory;
    }

    /** Errors are thrown, not printed to the console as the parser does by default. */
    private static final ErrorHandler SILENT = new ErrorHandler() {
        @Override
        public void warning(SAXParseException exception) {}

        @Override
        public void error(SAXParseException exception) throws SAXException {
            throw exception;
        }

        @Override
        public void fatalError(SAXParseException exception) throws SAXException {
            throw exception;
        }
    };
}
