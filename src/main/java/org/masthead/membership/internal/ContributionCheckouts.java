package org.masthead.membership.internal;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.masthead.membership.internal.Contributions.Contribution;
import org.masthead.payments.BillingInterval;
import org.masthead.payments.Checkout;
import org.masthead.payments.CheckoutStarted;
import org.masthead.payments.Money;
import org.masthead.payments.Payments;
import org.masthead.platform.ConflictException;
import org.masthead.platform.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Giving: opening the checkout for a contribution the reader chose, and changing or stopping a
 * recurring one. The amount is checked against the payments limits here, before any checkout opens;
 * what was paid is recorded only when payments reports it.
 */
@Service
public class ContributionCheckouts {

    private final Contributions contributions;
    private final Payments payments;

    ContributionCheckouts(Contributions contributions, Payments payments) {
        this.contributions = contributions;
        this.payments = payments;
    }

    /** What a reader asked to give. {@code askVariant} names the ask they came from, if any. */
    public record Gift(
            Frequency frequency, Money amount, String email, @Nullable Long accountId, @Nullable String askVariant) {}

    /**
     * The amount as a reader wrote it, such as {@code 12.50}, read and checked against the payments limits.
     *
     * @throws org.masthead.payments.PaymentRejectedException saying what is wrong with it
     */
    public Money amount(String written, String currencyCode) {
        Money amount = Money.parse(written, currencyCode);
        payments.checkAmount(amount);
        return amount;
    }

    /**
     * @throws org.masthead.payments.PaymentRejectedException if the amount is outside the limits or
     *     the address is not one
     */
    @Transactional
    public CheckoutStarted start(Gift gift, URI successUrl, URI cancelUrl) {
        payments.checkAmount(gift.amount());
        String reference = Contributions.REFERENCE_PREFIX + UUID.randomUUID();
        contributions.started(
                reference, gift.accountId(), gift.email(), gift.frequency(), gift.amount(), gift.askVariant());
        String description = gift.frequency().description();
        Checkout checkout = gift.frequency()
                .interval()
                .<Checkout>map(interval -> new Checkout.Subscription(
                        gift.amount(),
                        interval,
                        0,
                        description,
                        gift.email(),
                        gift.accountId(),
                        reference,
                        successUrl,
                        cancelUrl))
                .orElseGet(() -> new Checkout.OneOff(
                        gift.amount(), description, gift.email(), gift.accountId(), reference, successUrl, cancelUrl));
        return payments.startCheckout(checkout);
    }

    /**
     * Gives a new amount, as the reader wrote it, from the next payment of their recurring contribution.
     *
     * @throws org.masthead.payments.PaymentRejectedException if the amount is not one, or outside the limits
     * @throws ConflictException if the contribution is stopping: it has no next payment to change
     */
    public Changed changeAmount(long accountId, String reference, String amount) {
        Contribution contribution = renewing(accountId, reference);
        Money money = amount(amount, contribution.amount().currencyCode());
        BillingInterval interval = contribution.frequency().interval().orElseThrow();
        payments.changePrice(contribution.subscriptionId(), money, interval);
        return new Changed(money, contribution.frequency(), contribution.currentPeriodEnd());
    }

    /**
     * A recurring contribution's new amount, asked of the provider.
     *
     * @param from the next payment, the first at the new amount; null if the provider has not said
     */
    public record Changed(Money amount, Frequency frequency, @Nullable Instant from) {}

    /**
     * Stops the reader's recurring contribution at the end of the period paid for.
     *
     * @return when it stops: the end of that period, or null if the provider has not said when it is
     */
    public @Nullable Instant cancel(long accountId, String reference) {
        Contribution contribution = renewing(accountId, reference);
        payments.cancelAtPeriodEnd(contribution.subscriptionId());
        return contribution.currentPeriodEnd();
    }

    /** Undoes {@link #cancel} while the period paid for lasts: the contribution renews again. */
    public void resume(long accountId, String reference) {
        Contribution contribution = ownLive(accountId, reference);
        if (!contribution.cancelAtPeriodEnd()) {
            throw new ConflictException("This contribution carries on already.");
        }
        payments.resume(contribution.subscriptionId());
    }

    /**
     * The reader's recurring contribution that will renew, which may be changed or stopped.
     *
     * @throws NotFoundException if the reader has no such live recurring contribution
     * @throws ConflictException if it is stopping
     */
    public Contribution renewing(long accountId, String reference) {
        Contribution contribution = ownLive(accountId, reference);
        if (contribution.cancelAtPeriodEnd()) {
            throw new ConflictException(
                    "This contribution is stopped, so it has no next payment to change. Choose Keep giving first.");
        }
        return contribution;
    }

    private Contribution ownLive(long accountId, String reference) {
        return contributions
                .byReference(reference)
                .filter(c -> c.accountId() != null && c.accountId() == accountId)
                .filter(Contribution::live)
                .filter(c -> c.subscriptionId() != null)
                .orElseThrow(() -> new NotFoundException("You have no such recurring contribution."));
    }
}
