package org.masthead.mail.web;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.masthead.mail.Mailbox;
import org.masthead.mail.MailboxMessage;
import org.masthead.platform.NotFoundException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The admin mailbox: the mail the site has sent, newest first. Without a mail server (the embedded
 * default) it is where that mail is read, links and all.
 */
@Controller
@RequestMapping("/admin/mailbox")
class MailboxController {

    static final int PAGE_SIZE = 50;

    /**
     * A mail's HTML part, shown in a frame on our own page and nowhere else: a sandbox with no scripts,
     * no plugins, no forms and an origin of its own; nothing loaded from elsewhere, and only inline
     * styles and embedded images, as mail clients allow. Browsers obey its frame-ancestors over the
     * X-Frame-Options: DENY that every response carries.
     */
    static final String HTML_PART_POLICY = "sandbox; default-src 'none'; style-src 'unsafe-inline'; "
            + "img-src data:; form-action 'none'; base-uri 'none'; frame-ancestors 'self'";

    private final Mailbox mailbox;

    MailboxController(Mailbox mailbox) {
        this.mailbox = mailbox;
    }

    @GetMapping
    String list(
            @RequestParam(required = false) @Nullable String to,
            @RequestParam(required = false) @Nullable Long before,
            Model model) {
        String recipient = to == null || to.isBlank() ? null : to.strip();
        List<MailboxMessage> messages = mailbox.latest(recipient, before, PAGE_SIZE);
        model.addAttribute("messages", messages);
        model.addAttribute("to", recipient);
        model.addAttribute(
                "older", messages.size() == PAGE_SIZE ? messages.getLast().id() : null);
        model.addAttribute("keepsMailLocally", mailbox.keepsMailLocally());
        return "admin/mailbox";
    }

    @GetMapping("/{id}")
    String message(@PathVariable long id, Model model) {
        MailboxMessage message = mailbox.message(id).orElseThrow(MailboxController::notFound);
        model.addAttribute("message", message);
        model.addAttribute("keepsMailLocally", mailbox.keepsMailLocally());
        if (mailbox.keepsMailLocally()) {
            model.addAttribute("text", LinkedText.of(message.mail().text()));
        }
        return "admin/mailbox-message";
    }

    @GetMapping("/{id}/html")
    ResponseEntity<String> htmlPart(@PathVariable long id) {
        MailboxMessage message = mailbox.message(id)
                .filter(found -> mailbox.keepsMailLocally())
                .orElseThrow(MailboxController::notFound);
        return ResponseEntity.ok()
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .header("Content-Security-Policy", HTML_PART_POLICY)
                .body(message.mail().html());
    }

    private static NotFoundException notFound() {
        return new NotFoundException("There is no such message in the mailbox.");
    }
}
