package org.masthead.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.masthead.mail.MailTemplates.RenderedMail;

class MailTemplatesTest {

    final MailTemplates templates = new MailTemplates(new MailProperties(
            "The Daily Test <news@daily.test>",
            "The Daily Test",
            Duration.ofSeconds(5),
            8,
            Duration.ofSeconds(30),
            Duration.ofHours(1),
            Duration.ofDays(30)));

    @Test
    void bothPartsCarryTheMessageAndTheSiteName() {
        RenderedMail mail =
                templates.render("example", Map.of("name", "Ada", "link", "https://daily.test/account/verify?t=1&u=2"));

        assertThat(mail.text())
                .startsWith("The Daily Test\n")
                .contains("Hello Ada,")
                .contains("https://daily.test/account/verify?t=1&u=2")
                .doesNotContain("[(")
                .endsWith("\n--\nThe Daily Test\n");
        assertThat(mail.html())
                .contains("The Daily Test")
                .contains("Hello <span>Ada</span>,")
                .contains("href=\"https://daily.test/account/verify?t=1&amp;u=2\"")
                .doesNotContain("th:text")
                .doesNotContain("Unsubscribe");
    }

    @Test
    void valuesAreEscapedInTheHtmlPart() {
        RenderedMail mail =
                templates.render("example", Map.of("name", "<script>alert(1)</script>", "link", "https://daily.test/"));

        assertThat(mail.html()).doesNotContain("<script>").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        assertThat(mail.text()).contains("Hello <script>alert(1)</script>,");
    }

    @Test
    void mailThatCanBeUnsubscribedFromSaysHowInBothParts() {
        RenderedMail mail = templates.render(
                "example",
                Map.of("name", "Ada", "link", "https://daily.test/"),
                "https://daily.test/newsletters/unsubscribe?token=abc");

        assertThat(mail.text())
                .contains(
                        "Unsubscribe from e-mails like this one: https://daily.test/newsletters/unsubscribe?token=abc");
        assertThat(mail.html())
                .contains("<a href=\"https://daily.test/newsletters/unsubscribe?token=abc\"")
                .contains("Unsubscribe from e-mails like this one</a>");
    }
}
