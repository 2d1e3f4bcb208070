package org.masthead.newsroom.internal.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each format read as an agency sends it, and every kind of bad copy refused with a reason. */
class WireParsersTest {

    static final String AGENCY = "Default Agency";

    static byte[] sample(String name) {
        try (InputStream in = WireParsersTest.class.getClassLoader().getResourceAsStream("demo/wires/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<WireStory> parse(WireFormat format, String content) {
        return WireParsers.parse(format, content.getBytes(StandardCharsets.UTF_8), "story", AGENCY);
    }

    @Test
    void ninjsGivesItsIdentifierVersionAgencyAndParagraphs() {
        WireStory story = WireParsers.parse(WireFormat.NINJS, sample("mpa-harbour-strike-2.json"), "x.json", AGENCY)
                .getFirst();

        assertThat(story.guid()).isEqualTo("urn:newsml:meridianpress.example:20261201:harbour-strike");
        assertThat(story.version()).isEqualTo(2);
        assertThat(story.agency()).isEqualTo("Meridian Press Agency");
        assertThat(story.urgency()).isEqualTo(3);
        assertThat(story.byline()).isEqualTo("Tomas Varga");
        assertThat(story.headline()).startsWith("Port Aldren strike: talks resume");
        assertThat(story.body().split("\n\n")).hasSize(4);
        assertThat(story.body())
                .contains("\"We want the old rota back while we talk,\"")
                .doesNotContain("<p>");
    }

    @Test
    void whatAScriptOrStyleInAgencyHtmlHoldsIsNoParagraph() {
        WireStory story = parse(
                        WireFormat.NINJS,
                        """
                        {"uri": "urn:test:script", "headline": "Harbour", "body_html":
                          "<p>Ships wait.</p><script>alert(1)</script><style>p { color: red }</style><p>Talks resume.</p>"}""")
                .getFirst();

        assertThat(story.body()).isEqualTo("Ships wait.\n\nTalks resume.");
    }

    @Test
    void ninjsTwoGivesHeadlinesAndBodiesFromTheirArrays() {
        WireStory story = WireParsers.parse(WireFormat.NINJS, sample("mpa-chess-final.json"), "x.json", AGENCY)
                .getFirst();

        assertThat(story.headline()).isEqualTo("Teenager reaches final of national chess championship");
        assertThat(story.standfirst()).startsWith("Sixteen-year-old");
        assertThat(story.body().split("\n\n")).hasSize(2);
    }

    @Test
    void newsMlGivesTheXhtmlBodyWithoutItsHeadAndTheProviderAsAgency() {
        WireStory story = WireParsers.parse(WireFormat.NEWSML_G2, sample("mpa-solar-ferry.xml"), "x.xml", AGENCY)
                .getFirst();

        assertThat(story.guid()).isEqualTo("urn:newsml:meridianpress.example:20261201:solar-ferry");
        assertThat(story.version()).isEqualTo(1);
        assertThat(story.agency()).isEqualTo("Meridian Press Agency");
        assertThat(story.urgency()).isEqualTo(4);
        assertThat(story.byline()).isEqualTo("Hana Ostrowski");
        assertThat(story.standfirst()).startsWith("The 60-passenger ferry");
        assertThat(story.body()).doesNotContain("Solar ferry").startsWith("A ferry powered by the sun");
        assertThat(story.body().split("\n\n")).hasSize(3);
    }

    @Test
    void aNewsMessageCarriesItsItemsAndAFlashMayBeAHeadlineAlone() {
        List<WireStory> stories =
                WireParsers.parse(WireFormat.NEWSML_G2, sample("mpa-flash-dam-inspection.xml"), "x.xml", AGENCY);

        assertThat(stories).hasSize(1);
        assertThat(stories.getFirst().urgency()).isEqualTo(1);
        assertThat(stories.getFirst().body()).isEmpty();
    }

    @Test
    void nitfParagraphsAndHeadingsAreParagraphs() {
        WireStory story = parse(
                        WireFormat.NEWSML_G2,
                        """
                        <newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="g-1" version="3">
                          <contentMeta><headline>NITF story</headline></contentMeta>
                          <contentSet><inlineXML contenttype="application/nitf+xml">
                            <nitf xmlns="http://iptc.org/std/NITF/2006-10-18/"><body><body.content>
                              <p>First &amp; foremost.</p><hl2>A heading</hl2><p>Second <em>with emphasis</em>.</p>
                            </body.content></body></nitf>
                          </inlineXML></contentSet>
                        </newsItem>""")
                .getFirst();

        assertThat(story.version()).isEqualTo(3);
        assertThat(story.agency()).as("no provider named: the default").isEqualTo(AGENCY);
        assertThat(story.body()).isEqualTo("First & foremost.\n\nA heading\n\nSecond with emphasis.");
    }

    @Test
    void plainTextTakesItsFirstLineAsHeadlineAndItsNameAsIdentifier() {
        WireStory story = WireParsers.parse(
                        WireFormat.TEXT, sample("library-late-opening.txt"), "Library-Late-Opening.txt", AGENCY)
                .getFirst();

        assertThat(story.headline()).isEqualTo("City library to open until midnight during exam season");
        assertThat(story.guid()).isEqualTo("text:library-late-opening");
        assertThat(story.version()).isNull();
        assertThat(story.agency()).isEqualTo(AGENCY);
        assertThat(story.body().split("\n\n")).hasSize(2);
    }

    @Test
    void theSameWordsInAnotherFormatAreTheSameContent() {
        WireStory json = parse(
                        WireFormat.NINJS,
                        """
                        {"guid": "same", "version": "1", "headline": "Same story", "body_text": "One.\\n\\nTwo."}""")
                .getFirst();
        WireStory xml = parse(
                        WireFormat.NEWSML_G2,
                        """
                        <newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="same" version="1">
                          <contentMeta><headline>Same   story</headline></contentMeta>
                          <contentSet><inlineData contenttype="text/plain">One.

                        Two.</inlineData></contentSet>
                        </newsItem>""")
                .getFirst();

        assertThat(xml.contentHash()).isEqualTo(json.contentHash());
    }

    @Test
    void malformedJsonIsRefused() {
        assertThatThrownBy(() -> parse(WireFormat.NINJS, "{\"guid\": \"x\", \"headline\": "))
                .isInstanceOf(WireRejectedException.class)
                .hasMessageStartingWith("It is not well-formed JSON");
    }

    @Test
    void jsonThatIsNotAnObjectOrLacksWhatAStoryNeedsIsRefused() {
        assertThatThrownBy(() -> parse(WireFormat.NINJS, "[1, 2]")).hasMessageContaining("not an object");
        assertThatThrownBy(() -> parse(WireFormat.NINJS, "{\"headline\": \"No id\"}"))
                .hasMessageContaining("no identifier");
        assertThatThrownBy(() -> parse(WireFormat.NINJS, "{\"guid\": \"x\"}")).hasMessageContaining("no headline");
        assertThatThrownBy(() -> parse(WireFormat.NINJS, "{\"guid\": \"x\", \"headline\": \"H\", \"urgency\": 12}"))
                .hasMessageContaining("urgency");
        assertThatThrownBy(() -> parse(WireFormat.NINJS, "{\"guid\": \"x\", \"headline\": {\"a\": 1}}"))
                .hasMessageContaining("\"headline\" should be text");
        assertThatThrownBy(() -> parse(WireFormat.NINJS, "{\"guid\": \"x\", \"guid\": \"y\", \"headline\": \"H\"}"))
                .isInstanceOf(WireRejectedException.class);
    }

    @Test
    void deeplyNestedJsonIsRefusedWithoutExhaustingTheStack() {
        String deep = "{\"a\":".repeat(100_000) + "1" + "}".repeat(100_000);

        assertThatThrownBy(() -> parse(WireFormat.NINJS, deep))
                .isInstanceOf(WireRejectedException.class)
                .hasMessageContaining("nesting depth");
    }

    @Test
    void aNulInTheCopyIsRefused() {
        assertThatThrownBy(() -> parse(WireFormat.NINJS, "{\"guid\": \"x\", \"headline\": \"A\\u0000B\"}"))
                .isInstanceOf(WireRejectedException.class)
                .hasMessageContaining("control characters");
    }

    @Test
    void malformedXmlIsRefused() {
        assertThatThrownBy(() -> parse(WireFormat.NEWSML_G2, "<newsItem guid=\"x\"><contentMeta></newsItem>"))
                .isInstanceOf(WireRejectedException.class)
                .hasMessageStartingWith("It is not well-formed XML");
    }

    @Test
    void xmlOfAnotherKindIsRefused() {
        assertThatThrownBy(() -> parse(WireFormat.NEWSML_G2, "<rss><channel/></rss>"))
                .isInstanceOf(WireRejectedException.class)
                .hasMessageContaining("not NewsML-G2");
    }

    @Test
    void anExternalEntityIsNeverFetched() {
        String xxe =
                """
                <?xml version="1.0"?>
                <!DOCTYPE newsItem [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
                <newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="x">
                  <contentMeta><headline>&secret;</headline></contentMeta>
                </newsItem>""";

        assertThatThrownBy(() -> parse(WireFormat.NEWSML_G2, xxe))
                .isInstanceOf(WireRejectedException.class)
                .hasMessageContaining("DOCTYPE")
                .hasMessageNotContaining("root:");
    }

    @Test
    void theBillionLaughsAreNeverExpanded() {
        StringBuilder laughs = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n<!ENTITY lol \"lol\">\n");
        for (int i = 1; i <= 9; i++) {
            laughs.append("<!ENTITY lol").append(i).append(" \"");
            String previous = i == 1 ? "&lol;" : "&lol" + (i - 1) + ";";
            laughs.append(previous.repeat(10)).append("\">\n");
        }
        laughs.append("]>\n<newsItem guid=\"x\"><contentMeta><headline>&lol9;</headline></contentMeta></newsItem>");

        long started = System.nanoTime();
        assertThatThrownBy(() -> parse(WireFormat.NEWSML_G2, laughs.toString()))
                .isInstanceOf(WireRejectedException.class)
                .hasMessageContaining("DOCTYPE");
        assertThat(System.nanoTime() - started).as("refused at once").isLessThan(2_000_000_000L);
    }

    @Test
    void binaryGarbageIsRefusedInEveryFormat() {
        byte[] garbage = new byte[512];
        new java.util.Random(15).nextBytes(garbage);
        garbage[0] = (byte) 0xFF;

        for (WireFormat format : WireFormat.values()) {
            assertThatThrownBy(() -> WireParsers.parse(format, garbage, "garbage", AGENCY))
                    .as(format.label())
                    .isInstanceOf(WireRejectedException.class);
        }
        assertThatThrownBy(() -> WireParsers.parse(WireFormat.TEXT, garbage, "garbage", AGENCY))
                .hasMessageContaining("UTF-8");
    }

    @Test
    void emptyCopyIsRefusedInEveryFormat() {
        for (WireFormat format : WireFormat.values()) {
            assertThatThrownBy(() -> WireParsers.parse(format, new byte[0], "empty", AGENCY))
                    .as(format.label())
                    .isInstanceOf(WireRejectedException.class)
                    .hasMessage("It is empty.");
        }
        assertThatThrownBy(() -> parse(WireFormat.TEXT, "  \n\n \n")).hasMessage("It is empty.");
    }

    @Test
    void wireTextBecomesMarkdownThatShowsItAsSent() {
        assertThat(WireMarkdown.of("Shares *fell* 5% at <b>noon</b> [sic] #1\n\n- not a list\n\n1. not a number"))
                .isEqualTo(
                        "Shares \\*fell\\* 5% at \\<b\\>noon\\</b\\> \\[sic\\] \\#1\n\n\\- not a list\n\n1\\. not a number");
    }
}
