package org.masthead.payments;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Money went back to the reader from a charge.
 *
 * @param reference the caller's reference of the original payment
 * @param chargeId the charge refunded
 * @param refunded what this refund returned
 * @param totalRefunded all that has been returned from the charge so far
 * @param fully whether the whole charge has now been returned
 * @param accountId the reader's account, if known
 * @param at when the provider reported it
 */
public record ChargeRefunded(
        String reference,
        String chargeId,
        Money refunded,
        Money totalRefunded,
        boolean fully,
        @Nullable Long accountId,
        Instant at) {}
