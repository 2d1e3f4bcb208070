package org.masthead.demo.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.entry;

import org.junit.jupiter.api.Test;

class DemoDocumentTest {

    @Test
    void frontMatterAndBodyAreSeparated() {
        DemoDocument document = DemoDocument.parse(
                "test.md",
                """

                ---
                slug: river-levels
                headline: Rivers fall: towns cut off
                tags: nature, extreme-weather ,
                # a comment is ignored
                ---

                First paragraph.

                Second paragraph.
                """);

        assertThat(document.fields())
                .containsExactly(
                        entry("slug", "river-levels"),
                        entry("headline", "Rivers fall: towns cut off"),
                        entry("tags", "nature, extreme-weather ,"));
        assertThat(document.list("tags")).containsExactly("nature", "extreme-weather");
        assertThat(document.body()).isEqualTo("First paragraph.\n\nSecond paragraph.");
    }

    @Test
    void windowsLineEndingsAreAccepted() {
        DemoDocument document = DemoDocument.parse("test.md", "---\r\nslug: a\r\n---\r\nBody\r\n");

        assertThat(document.required("slug")).isEqualTo("a");
        assertThat(document.body()).isEqualTo("Body");
    }

    @Test
    void paragraphsLeaveOutHeadingsQuotationsAndLists() {
        DemoDocument document = DemoDocument.parse(
                "test.md",
                """
                ---
                slug: a
                ---
                One, which runs
                over two lines.

                ## A heading

                > A quotation.

                - a list item

                Two.
                """);

        assertThat(document.paragraphs()).containsExactly("One, which runs\nover two lines.", "Two.");
    }

    @Test
    void missingOrBrokenFrontMatterIsNamedInTheError() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> DemoDocument.parse("a.md", "slug: a\n"))
                .withMessageContaining("a.md")
                .withMessageContaining("---");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> DemoDocument.parse("b.md", "---\nslug: a\nBody without a fence\n"))
                .withMessageContaining("b.md, line 3");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> DemoDocument.parse("c.md", "---\nslug: a\n"))
                .withMessageContaining("closing");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> DemoDocument.parse("d.md", "---\nslug: a\nslug: b\n---\n"))
                .withMessageContaining("twice");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> DemoDocument.parse("e.md", "---\nImage Alt: a\n---\n"))
                .withMessageContaining("not a valid key");
    }

    @Test
    void requiredFieldsMustBePresentAndNotBlank() {
        DemoDocument document = DemoDocument.parse("f.md", "---\nheadline:\n---\n");

        assertThatIllegalArgumentException()
                .isThrownBy(() -> document.required("headline"))
                .withMessage("f.md: the front matter needs 'headline'");
        assertThat(document.optional("headline")).isEmpty();
    }
}
