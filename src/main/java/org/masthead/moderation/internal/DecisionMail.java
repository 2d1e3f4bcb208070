package org.masthead.moderation.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import org.masthead.accounts.AccountSummary;
import org.masthead.accounts.Accounts;
import org.masthead.mail.Mail;
import org.masthead.mail.MailTemplates;
import org.masthead.mail.Mailer;
import org.masthead.platform.SiteProperties;
import org.springframework.stereotype.Component;

/**
 * The mail a reader gets about a moderator's decision on them: the statement of reasons for a rejected
 * comment or a sanction (the rule, why, the text concerned, what happens next and how to appeal), and
 * the decision on their appeal, and a sanction withdrawn. Put in the outbox in the transaction of the decision, so it goes out
 * with it or not at all; a reader without a confirmed address is told in the app only.
 */
@Component
class DecisionMail {

    private final Accounts accounts;
    private final Mailer mailer;
    private final MailTemplates templates;
    private final SiteProperties site;

    DecisionMail(Accounts accounts, Mailer mailer, MailTemplates templates, SiteProperties site) {
        this.accounts = accounts;
        this.mailer = mailer;
        this.templates = templates;
        this.site = site;
    }

    void decided(long readerId, Statement statement) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("what", statement.what());
        model.put("until", statement.until());
        model.put("rule", statement.rule());
        model.put("reason", statement.reasonSentence());
        model.put("text", statement.text());
        model.put("canRead", statement.canRead());
        model.put("standardsLink", site.origin() + "/community-standards#" + statement.ruleAnchor());
        model.put("appealLink", site.origin() + "/appeals");
        send(readerId, "moderation-decision", "About your comments on " + site.name(), model);
    }

    void appealDecided(long readerId, String what, String outcome, String answer) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("what", what);
        model.put("outcome", outcome);
        model.put("answer", answer);
        model.put("appealsLink", site.origin() + "/appeals");
        send(readerId, "appeal-decided", "Your appeal on " + site.name() + " has been decided", model);
    }

    void withdrawn(long readerId, String what, String reason, String outcome) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("what", what);
        model.put("reason", reason);
        model.put("outcome", outcome);
        model.put("appealsLink", site.origin() + "/appeals");
        send(readerId, "sanction-withdrawn", "A sanction on you on " + site.name() + " is withdrawn", model);
    }

    private void send(long readerId, String template, String subject, Map<String, Object> model) {
        var reader = accounts.find(readerId);
        var address = accounts.emailAddressOf(readerId);
        if (reader.isEmpty() || address.isEmpty()) {
            return;
        }
        model.put("displayName", reader.map(AccountSummary::displayName).orElseThrow());
        MailTemplates.RenderedMail rendered = templates.render(template, model);
        mailer.send(new Mail(address.get(), subject, rendered.text(), rendered.html(), Mail.Kind.TRANSACTIONAL, null));
    }
}
