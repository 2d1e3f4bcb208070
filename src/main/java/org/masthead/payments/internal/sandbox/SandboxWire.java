package org.masthead.payments.internal.sandbox;

import org.jspecify.annotations.Nullable;

/**
 * The JSON the sandbox posts to the webhook endpoint: its own format, which only the sandbox adapter
 * reads. Times are ISO-8601 instants, amounts minor units.
 */
final class SandboxWire {

    private SandboxWire() {}

    /** @param type {@code charge.succeeded}, {@code charge.failed}, {@code charge.refunded} or {@code subscription.updated} */
    record Event(
            String id, String type, String created, @Nullable Charge charge, @Nullable Subscription subscription) {}

    record Charge(
            String id,
            long amount,
            String currency,
            long amountRefunded,
            String customer,
            String email,
            @Nullable String subscription,
            String reference,
            @Nullable Long accountId,
            @Nullable String kind,
            @Nullable String periodEnd,
            @Nullable String failureReason,
            @Nullable String nextRetry,
            boolean renewal) {}

    record Subscription(
            String id,
            String customer,
            String email,
            String reference,
            @Nullable Long accountId,
            String status,
            String currentPeriodEnd,
            boolean cancelAtPeriodEnd,
            long amount,
            String currency,
            String interval) {}
}
