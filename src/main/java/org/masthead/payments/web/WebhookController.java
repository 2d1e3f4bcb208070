package org.masthead.payments.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.masthead.payments.internal.PaymentProvider;
import org.masthead.payments.internal.ProviderEvent;
import org.masthead.payments.internal.WebhookProcessor;
import org.masthead.payments.internal.WebhookRejectedException;
import org.masthead.platform.ControlCharacters;
import org.masthead.platform.NotFoundException;
import org.masthead.platform.RejectedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The one webhook endpoint, {@code POST /webhooks/payments/{provider}}, for Stripe and the sandbox
 * alike. The provider's adapter checks the signature and its timestamp and reads the event; the
 * {@link WebhookProcessor} applies it. Answers:
 *
 * <ul>
 *   <li>200 when the event was applied, or had been already (a duplicate), or concerns nothing here;
 *   <li>400 (problem+json) when the signature is missing, forged or too old, the body unreadable, a
 *       text in it holds a control character (such as NUL, which PostgreSQL refuses), or a value in it
 *       is impossible (a negative amount, say): nothing changes;
 *   <li>404 for a provider that is not the one configured, before the body is read;
 *   <li>413 for a body larger than {@code masthead.web.max-webhook-body-size}, refused unread;
 *   <li>500 if processing failed: nothing was kept, and the provider's retry applies it.
 * </ul>
 */
@RestController
class WebhookController {

    /** What the provider is told of an event it delivered. */
    record Receipt(String received, String outcome) {}

    private static final Logger log = LoggerFactory.getLogger(WebhookController.class);

    private final PaymentProvider provider;
    private final WebhookProcessor processor;

    WebhookController(PaymentProvider provider, WebhookProcessor processor) {
        this.provider = provider;
        this.processor = processor;
    }

    /** The body is read only once the provider is known: anyone may post here, as much as they like. */
    @PostMapping("/webhooks/payments/{name}")
    ResponseEntity<Receipt> receive(@PathVariable String name, InputStream body, @RequestHeader HttpHeaders headers)
            throws IOException {
        if (!provider.name().equals(name)) {
            throw new NotFoundException("Payments do not go through '" + name + "' here.");
        }
        String payload = new String(body.readAllBytes(), StandardCharsets.UTF_8);
        if (ControlCharacters.inJson(payload)) {
            throw refused(name, ControlCharacters.REFUSED);
        }
        ProviderEvent event;
        WebhookProcessor.Outcome outcome;
        try {
            event = provider.verify(payload, headers.getFirst(provider.signatureHeader()));
            outcome = processor.process(event);
        } catch (WebhookRejectedException e) {
            throw refused(name, e.getMessage());
        }
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .body(new Receipt(event.id(), outcome.name().toLowerCase(Locale.ROOT)));
    }

    private static RejectedException refused(String provider, String why) {
        log.warn("Refused a {} webhook: {}", provider, why);
        return new RejectedException("Bad Request", why);
    }
}
