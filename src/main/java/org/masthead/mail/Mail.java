package org.masthead.mail;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * One e-mail to one recipient, with a plain-text and an HTML part. The site's name and the From address
 * are added when it is sent.
 *
 * @param to the recipient's address, such as {@code reader@example.com}
 * @param subject one line
 * @param text the plain-text part, with links written out in full
 * @param html the HTML part, as rendered by {@link MailTemplates}
 * @param kind whether the recipient asked for this message or may opt out of its kind
 * @param unsubscribeUrl the absolute http(s) URL that unsubscribes the recipient; required for
 *     {@link Kind#MARKETING} and {@link Kind#NOTIFICATION} mail, where it goes into the footer and the
 *     {@code List-Unsubscribe} header
 * @throws IllegalArgumentException if any part is missing or malformed
 */
public record Mail(String to, String subject, String text, String html, Kind kind, @Nullable String unsubscribeUrl) {

    /** The kind of a message decides whether the recipient can opt out of it. */
    public enum Kind {
        /** Sent because of something the recipient did: verification, password reset, receipts. */
        TRANSACTIONAL,
        /** Sent unasked, such as newsletters and appeals: always with a working unsubscribe. */
        MARKETING,
        /**
         * Sent because of what others did around the recipient (a reply, a mention, a digest of them):
         * they may turn it off, so it always carries a working unsubscribe.
         */
        NOTIFICATION;

        /** Whether mail of this kind must carry an unsubscribe link. */
        public boolean needsUnsubscribe() {
            return this != TRANSACTIONAL;
        }
    }

    private static final Pattern ADDRESS = Pattern.compile("[^\\s@<>()\\[\\],;:\"\\\\]+@[^\\s@<>()\\[\\],;:\"\\\\]+");
    private static final Pattern LINE_BREAK = Pattern.compile("[\\r\\n]");

    public Mail {
        if (to == null || !isAddress(to)) {
            throw new IllegalArgumentException("Not an e-mail address: " + to);
        }
        if (subject == null || subject.isBlank() || LINE_BREAK.matcher(subject).find()) {
            throw new IllegalArgumentException("A subject is one line of text, not '" + subject + "'");
        }
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("A mail needs a plain-text part");
        }
        if (html == null || html.isBlank()) {
            throw new IllegalArgumentException("A mail needs an HTML part");
        }
        if (kind == null) {
            throw new IllegalArgumentException("A mail needs a kind");
        }
        if (kind.needsUnsubscribe() && unsubscribeUrl == null) {
            throw new IllegalArgumentException(kind + " mail needs an unsubscribe URL");
        }
        if (unsubscribeUrl != null && !isWebAddress(unsubscribeUrl)) {
            throw new IllegalArgumentException("An unsubscribe URL is an absolute http(s) URL, not " + unsubscribeUrl);
        }
    }

    /** Whether a mail can be written to this address: one plain address, at most 254 characters. */
    public static boolean isAddress(String to) {
        if (to.length() > 254 || !ADDRESS.matcher(to).matches()) {
            return false;
        }
        try {
            return to.equals(new InternetAddress(to, true).getAddress());
        } catch (AddressException e) {
            return false;
        }
    }

    private static boolean isWebAddress(String url) {
        try {
            URI uri = new URI(url);
            return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
