package org.masthead.payments.web;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.masthead.payments.internal.PaymentProvider;
import org.masthead.payments.internal.ProviderEvent;
import org.masthead.payments.internal.WebhookProcessor;
import org.masthead.payments.internal.WebhookRejectedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The one webhook endpoint, {@code POST /webhooks/payments/{provider}}, for Stripe and the sandbox
 * alike. The provider's adapter checks the signature and its timestamp and reads the event; the
 * {@link WebhookProcessor} applies it. Answers:
 *
 * <ul>
 *   <li>200 when the event was applied, or had been already (a duplicate), or concerns nothing here;
 *   <li>400 (problem+json) when the signature is missing, forged or too old, the body unreadable, or a
 *       value in it impossible (a negative amount, say): nothing changes;
 *   <li>404 for a provider that is not the one configured;
 *   <li>500 if processing failed: nothing was kept, and the provider's retry applies it.
 * </ul>
 */
@RestController
class WebhookController {

    private static final Logger log = LoggerFactory.getLogger(WebhookController.class);

    private final PaymentProvider provider;
    private final WebhookProcessor processor;

    WebhookController(PaymentProvider provider, WebhookProcessor processor) {
        this.provider = provider;
        this.processor = processor;
    }

    @PostMapping("/webhooks/payments/{name}")
    ResponseEntity<Map<String, Object>> receive(
            @PathVariable String name,
            @RequestBody(required = false) @Nullable String payload,
            @RequestHeader HttpHeaders headers) {
        String path = "/webhooks/payments/" + name;
        if (!provider.name().equals(name)) {
            return problem(HttpStatus.NOT_FOUND, "Payments do not go through '" + name + "' here.", path);
        }
        ProviderEvent event;
        WebhookProcessor.Outcome outcome;
        try {
            event = provider.verify(payload == null ? "" : payload, headers.getFirst(provider.signatureHeader()));
            outcome = processor.process(event);
        } catch (WebhookRejectedException e) {
            log.warn("Refused a {} webhook: {}", name, e.getMessage());
            return problem(HttpStatus.BAD_REQUEST, e.getMessage(), path);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("received", event.id());
        body.put("outcome", outcome.name().toLowerCase(Locale.ROOT));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
    }

    private static ResponseEntity<Map<String, Object>> problem(HttpStatus status, String detail, String path) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", status.getReasonPhrase());
        problem.put("status", status.value());
        problem.put("detail", detail);
        problem.put("instance", path);
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
