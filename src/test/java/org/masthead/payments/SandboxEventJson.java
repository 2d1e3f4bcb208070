package org.masthead.payments;

import java.time.Instant;

/** Webhook bodies in the sandbox's format, written by hand, for tests that post events themselves. */
final class SandboxEventJson {

    private SandboxEventJson() {}

    static String subscriptionUpdated(
            String eventId,
            Instant created,
            String subscriptionId,
            String email,
            String reference,
            String status,
            Instant periodEnd,
            boolean cancelAtPeriodEnd,
            long amount) {
        return """
                {"id":"%s","type":"subscription.updated","created":"%s","charge":null,
                 "subscription":{"id":"%s","customer":"sbx_cus_test","email":"%s","reference":"%s","accountId":null,
                   "status":"%s","currentPeriodEnd":"%s","cancelAtPeriodEnd":%s,"amount":%d,"currency":"GBP",
                   "interval":"MONTH"}}"""
                .formatted(
                        eventId,
                        created,
                        subscriptionId,
                        email,
                        reference,
                        status,
                        periodEnd,
                        cancelAtPeriodEnd,
                        amount);
    }

    static String chargeSucceeded(
            String eventId, Instant created, String chargeId, long amount, String email, String reference) {
        return """
                {"id":"%s","type":"charge.succeeded","created":"%s","subscription":null,
                 "charge":{"id":"%s","amount":%d,"currency":"GBP","amountRefunded":0,"customer":"sbx_cus_test",
                   "email":"%s","subscription":null,"reference":"%s","accountId":null,"kind":"ONE_OFF",
                   "periodEnd":null,"failureReason":null,"nextRetry":null,"renewal":false}}"""
                .formatted(eventId, created, chargeId, amount, email, reference);
    }

    static String chargeRefunded(String eventId, Instant created, String chargeId, long amount, long totalRefunded) {
        return """
                {"id":"%s","type":"charge.refunded","created":"%s","subscription":null,
                 "charge":{"id":"%s","amount":%d,"currency":"GBP","amountRefunded":%d,"customer":"sbx_cus_test",
                   "email":"x@example.com","subscription":null,"reference":"","accountId":null,"kind":null,
                   "periodEnd":null,"failureReason":null,"nextRetry":null,"renewal":false}}"""
                .formatted(eventId, created, chargeId, amount, totalRefunded);
    }
}
