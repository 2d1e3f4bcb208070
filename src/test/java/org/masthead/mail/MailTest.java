package org.masthead.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.masthead.mail.Mail.Kind;

class MailTest {

    @Test
    void transactionalMailNeedsNoUnsubscribeLink() {
        Mail mail =
                new Mail("reader@example.com", "Confirm your address", "Text", "<p>HTML</p>", Kind.TRANSACTIONAL, null);

        assertThat(mail.unsubscribeUrl()).isNull();
    }

    @Test
    void marketingMailWithoutAnUnsubscribeLinkIsRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() ->
                        new Mail("reader@example.com", "Our newsletter", "Text", "<p>HTML</p>", Kind.MARKETING, null))
                .withMessageContaining("unsubscribe");
    }

    @Test
    void unsubscribeLinkMustBeAWebAddress() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Mail(
                        "reader@example.com",
                        "Our newsletter",
                        "Text",
                        "<p>HTML</p>",
                        Kind.MARKETING,
                        "javascript:alert(1)"));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Mail(
                        "reader@example.com", "Our newsletter", "Text", "<p>HTML</p>", Kind.MARKETING, "/unsubscribe"));
    }

    @Test
    void subjectThatWouldAddHeadersIsRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Mail(
                        "reader@example.com",
                        "Hello\r\nBcc: everyone@example.com",
                        "Text",
                        "<p>HTML</p>",
                        Kind.TRANSACTIONAL,
                        null));
    }

    @Test
    void somethingThatIsNotOneAddressIsRejected() {
        for (String notAnAddress : new String[] {
            "",
            "reader",
            "reader@",
            "@example.com",
            "two@example.com, three@example.com",
            "Reader <reader@example.com>",
            "reader@example.com\r\nBcc: x@example.com",
            "reader@exa..mple.com"
        }) {
            assertThatIllegalArgumentException()
                    .as(notAnAddress)
                    .isThrownBy(
                            () -> new Mail(notAnAddress, "Subject", "Text", "<p>HTML</p>", Kind.TRANSACTIONAL, null));
        }
    }

    @Test
    void mailWithoutEitherPartIsRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(
                        () -> new Mail("reader@example.com", "Subject", " ", "<p>HTML</p>", Kind.TRANSACTIONAL, null));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Mail("reader@example.com", "Subject", "Text", "", Kind.TRANSACTIONAL, null));
    }
}
