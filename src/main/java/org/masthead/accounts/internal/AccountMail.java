package org.masthead.accounts.internal;

import java.util.Map;
import org.masthead.mail.Mail;
import org.masthead.mail.MailTemplates;
import org.masthead.mail.Mailer;
import org.masthead.site.SiteProperties;
import org.springframework.stereotype.Component;

/** The e-mails an account receives. Each goes into the outbox with the change that caused it. */
@Component
public class AccountMail {

    private final Mailer mailer;
    private final MailTemplates templates;
    private final SiteProperties site;

    AccountMail(Mailer mailer, MailTemplates templates, SiteProperties site) {
        this.mailer = mailer;
        this.templates = templates;
        this.site = site;
    }

    void verifyAddress(String email, String displayName, String token) {
        send(
                email,
                "Confirm your e-mail address",
                "verify-email",
                Map.of("displayName", displayName, "link", site.origin() + "/account/verify?token=" + token));
    }

    /** A link that signs the reader in without a password; it works once, for 15 minutes. */
    public void signInLink(String email, String displayName, String token) {
        send(
                email,
                "Your sign-in link",
                "sign-in-link",
                Map.of("displayName", displayName, "link", site.origin() + "/signin/link?token=" + token));
    }

    /** Someone tried to register with an address that already has an account: tell its owner, not them. */
    void alreadyRegistered(String email) {
        send(
                email,
                "You already have an account",
                "already-registered",
                Map.of("signInLink", site.origin() + "/signin"));
    }

    private void send(String to, String subject, String template, Map<String, Object> model) {
        MailTemplates.RenderedMail rendered = templates.render(template, model);
        mailer.send(new Mail(to, subject, rendered.text(), rendered.html(), Mail.Kind.TRANSACTIONAL, null));
    }
}
