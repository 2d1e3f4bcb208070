package org.masthead.newsroom.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Whatever is typed or pasted, rendering never fails and nothing executable reaches a reader: no
 * script, style, frame or object element, no event attribute, no script address.
 */
class BodySanitizerPropertiesTest {

    private static final Pattern EXECUTABLE = Pattern.compile(
            "<\\s*(script|style|iframe|object|embed|svg|math|form|input|link|meta|base)\\b"
                    + "|<[^>]*\\s(on[a-z]+|style|srcdoc|formaction)\\s*="
                    + "|(href|src)\\s*=\\s*\"?\\s*(javascript|vbscript|data):",
            Pattern.CASE_INSENSITIVE);

    private final BodyRenderer renderer = new BodyRenderer(id -> Optional.empty());

    @Property(tries = 2000)
    void markdownOfAnyKindRendersToNothingExecutable(@ForAll("hostile") String markdown) {
        assertThat(EXECUTABLE.matcher(renderer.toHtml(markdown)).find()).isFalse();
    }

    @Property(tries = 2000)
    void htmlOfAnyKindIsHeldToTheAllowList(@ForAll("hostile") String html) {
        assertThat(EXECUTABLE.matcher(BodyPolicy.sanitize(html)).find()).isFalse();
    }

    @Property(tries = 500)
    void anyStringAtAllIsRenderedWithoutFailing(@ForAll String anything) {
        assertThat(renderer.toHtml(anything)).isNotNull();
    }

    /** Fragments of attacks, markup and Markdown, run together in any order. */
    @Provide
    Arbitrary<String> hostile() {
        Arbitrary<String> pieces = Arbitraries.of(
                "<script>alert(1)</script>",
                "<SCRIPT SRC=//evil.example/x.js>",
                "<img src=x onerror=alert(1)>",
                "<a href=\"javascript:alert(1)\">x</a>",
                "<a href=\" jav&#x09;ascript:alert(1)\">x</a>",
                "[x](javascript:alert(1))",
                "[x](data:text/html;base64,PHNjcmlwdD4=)",
                "![x](javascript:alert(1))",
                "<iframe src=https://evil.example></iframe>",
                "<style>body{display:none}</style>",
                "<p style=\"color:red\" onclick=\"x()\">p</p>",
                "<svg onload=alert(1)>",
                "<math><mi xlink:href=\"javascript:alert(1)\">",
                "<figure class=\"embed embed--video\" data-embed-src=\"https://evil.example/\">",
                "<aside class=\"pull-quote\" onmouseover=\"x()\">",
                "<object data=x></object>",
                "<form action=x><input formaction=javascript:alert(1)>",
                "<base href=//evil.example/>",
                "<meta http-equiv=refresh content=0;url=//evil.example>",
                "<!--",
                "-->",
                "<![CDATA[",
                "]]>",
                "<",
                ">",
                "\"",
                "'",
                "`",
                "&",
                "&#",
                "\u0000",
                "\n",
                "\n\n",
                "> ",
                ">> ",
                "## ",
                "- ",
                "**",
                "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
                "https://youtu.be/dQw4w9WgXcQ\"onload=\"x",
                "<https://x.com/someone/status/123>",
                "words and more words");
        Arbitrary<String> noise = Arbitraries.strings().ofMaxLength(12);
        return Combinators.combine(pieces.list().ofMaxSize(12), noise.list().ofMaxSize(4))
                .as((attack, extra) -> String.join("", attack) + String.join("", extra));
    }
}
