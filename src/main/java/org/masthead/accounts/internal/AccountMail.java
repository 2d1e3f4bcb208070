package org.masthead.accounts.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.masthead.mail.Mail;
import org.masthead.mail.MailTemplates;
import org.masthead.mail.Mailer;
import org.masthead.platform.SiteProperties;
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

    /**
     * @param returnTo where the reader was when they registered, for the link to take them back there
     *     on whatever device they open it
     */
    void verifyAddress(String email, String displayName, String token, @Nullable String returnTo) {
        send(
                email,
                "Confirm your e-mail address",
                "verify-email",
                Map.of(
                        "displayName",
                        displayName,
                        "link",
                        site.origin() + "/account/verify?token=" + token + returning("&", returnTo)));
    }

    /**
     * A link that signs the reader in without a password; it works once, for 15 minutes.
     *
     * @param returnTo where the reader was when they asked for it, to be taken back there
     */
    public void signInLink(String email, String displayName, String token, @Nullable String returnTo) {
        send(
                email,
                "Your sign-in link",
                "sign-in-link",
                Map.of(
                        "displayName",
                        displayName,
                        "link",
                        site.origin() + "/signin/link?token=" + token + returning("&", returnTo)));
    }

    /** Someone tried to register with an address that already has an account: tell its owner, not them. */
    void alreadyRegistered(String email, @Nullable String returnTo) {
        send(
                email,
                "You already have an account",
                "already-registered",
                Map.of("signInLink", site.origin() + "/signin" + returning("?", returnTo)));
    }

    /** The {@code return} parameter of a link, or nothing; the path is one the web layer has checked. */
    private static String returning(String separator, @Nullable String returnTo) {
        return returnTo == null ? "" : separator + "return=" + URLEncoder.encode(returnTo, StandardCharsets.UTF_8);
    }

    void resetPassword(String email, String displayName, String token) {
        send(email, "Reset your password", "reset-password", resetModel(displayName, token));
    }

    /**
     * Renders the reset mail and sends it nowhere, so that a request for an address without an
     * account costs about what a real one does.
     */
    void rehearseResetPassword(String token) {
        templates.render("reset-password", resetModel("reader", token));
    }

    private Map<String, Object> resetModel(String displayName, String token) {
        return Map.of(
                "displayName",
                displayName,
                "link",
                site.origin() + "/account/reset-password?token=" + token,
                "forgotLink",
                site.origin() + "/account/forgot-password");
    }

    /** Tells the owner that the password changed, so they notice if it was not them. */
    void passwordChanged(String email, String displayName) {
        send(
                email,
                "Your password has been changed",
                "password-changed",
                Map.of("displayName", displayName, "forgotLink", site.origin() + "/account/forgot-password"));
    }

    /** Tells the owner that someone keeps getting the password wrong, so they can act if it was not them. */
    void failedSignIns(String email, String displayName) {
        send(
                email,
                "Failed attempts to sign in to your account",
                "failed-sign-ins",
                Map.of(
                        "displayName",
                        displayName,
                        "forgotLink",
                        site.origin() + "/account/forgot-password",
                        "accountLink",
                        site.origin() + "/account"));
    }

    /** The link that moves the account to its new address, sent to that address. */
    void confirmEmailChange(String newEmail, String displayName, String token) {
        send(
                newEmail,
                "Confirm your new e-mail address",
                "confirm-email-change",
                Map.of("displayName", displayName, "link", site.origin() + "/account/email/confirm?token=" + token));
    }

    /** Warns the current address that someone asked to move the account away from it. */
    void emailChangeRequested(String oldEmail, String displayName, String newEmail) {
        send(
                oldEmail,
                "A change of e-mail address was requested",
                "email-change-requested",
                Map.of(
                        "displayName",
                        displayName,
                        "newEmail",
                        newEmail,
                        "forgotLink",
                        site.origin() + "/account/forgot-password"));
    }

    /** Someone asked to move another account to an address that has one: tell its owner, not them. */
    void addressInUse(String email) {
        send(
                email,
                "Someone tried to use your e-mail address",
                "email-address-in-use",
                Map.of("signInLink", site.origin() + "/signin"));
    }

    private void send(String to, String subject, String template, Map<String, Object> model) {
        MailTemplates.RenderedMail rendered = templates.render(template, model);
        mailer.send(new Mail(to, subject, rendered.text(), rendered.html(), Mail.Kind.TRANSACTIONAL, null));
    }
}
