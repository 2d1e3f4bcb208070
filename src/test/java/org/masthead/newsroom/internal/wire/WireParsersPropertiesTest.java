package org.masthead.newsroom.internal.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.masthead.newsroom.internal.BodyRenderer;

/**
 * Whatever arrives, the parsers answer stories or refuse the copy with a reason: no input makes them
 * fail any other way, and what they answer, made a draft, renders as words, never as markup.
 */
class WireParsersPropertiesTest {

    private final BodyRenderer renderer = new BodyRenderer(id -> Optional.empty());

    @Property(tries = 1000)
    void anyBytesAtAllAreReadOrRefused(@ForAll byte[] content, @ForAll WireFormat format) {
        readOrRefused(format, content);
    }

    @Property(tries = 1000)
    void anyTextAtAllIsReadOrRefused(@ForAll String text, @ForAll WireFormat format) {
        readOrRefused(format, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Real copy, cut, spliced and salted with hostile pieces: the inputs most likely to reach deep. */
    @Property(tries = 2000)
    void mangledCopyIsReadOrRefused(@ForAll("mangled") String text) {
        for (WireFormat format : WireFormat.values()) {
            List<WireStory> stories = readOrRefused(format, text.getBytes(StandardCharsets.UTF_8));
            for (WireStory story : stories) {
                assertThat(story.headline()).isNotBlank().doesNotContain("\u0000");
                // Copy may say "<script>" in words; as a draft it must stay words.
                assertThat(renderer.toHtml(WireMarkdown.of(story.body())))
                        .doesNotContain("<script")
                        .doesNotContain("<![CDATA[");
            }
        }
    }

    private static List<WireStory> readOrRefused(WireFormat format, byte[] content) {
        try {
            return WireParsers.parse(format, content, "fuzzed.txt", "Agency");
        } catch (WireRejectedException refused) {
            assertThat(refused.getMessage()).isNotBlank();
            return List.of();
        }
    }

    @Provide
    Arbitrary<String> mangled() {
        List<String> samples = List.of(
                new String(WireParsersTest.sample("mpa-harbour-strike-2.json"), StandardCharsets.UTF_8),
                new String(WireParsersTest.sample("mpa-chess-final.json"), StandardCharsets.UTF_8),
                new String(WireParsersTest.sample("mpa-solar-ferry.xml"), StandardCharsets.UTF_8),
                new String(WireParsersTest.sample("mpa-flash-dam-inspection.xml"), StandardCharsets.UTF_8),
                new String(WireParsersTest.sample("library-late-opening.txt"), StandardCharsets.UTF_8));
        Arbitrary<String> pieces = Arbitraries.of(
                "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>",
                "<!ENTITY lol \"lol\">",
                "&lol;",
                "<![CDATA[<script>alert(1)</script>]]>",
                "<script>alert(1)</script>",
                "\\u0000",
                "\u0000",
                "{\"guid\":",
                "[[[[[[[[[[",
                "]]]]]",
                "\"urgency\": 0,",
                "\"version\": \"-1\",",
                "<?xml version=\"1.0\" encoding=\"UTF-16\"?>",
                "<xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" href=\"file:///etc/passwd\"/>",
                "\uFEFF",
                "\uD800",
                "</newsItem>",
                "<newsItem guid=\"",
                "\n\n",
                "");
        return Arbitraries.integers().between(0, samples.size() - 1).flatMap(which -> {
            String sample = samples.get(which);
            return Arbitraries.integers()
                    .between(0, sample.length())
                    .tuple3()
                    .flatMap(cuts -> pieces.map(piece -> {
                        int from = Math.min(cuts.get1(), cuts.get2());
                        int to = Math.max(cuts.get1(), cuts.get2());
                        return sample.substring(0, from)
                                + piece
                                + sample.substring(to)
                                + sample.substring(0, Math.min(cuts.get3(), sample.length() / 4));
                    }));
        });
    }
}
