package org.masthead.membership.internal;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.masthead.accounts.AddressVerified;
import org.masthead.payments.ChargeRefunded;
import org.masthead.payments.PaymentFailed;
import org.masthead.payments.PaymentKind;
import org.masthead.payments.PaymentSucceeded;
import org.masthead.payments.Payments;
import org.masthead.payments.SubscriptionChanged;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Applies what the payments module reports to membership: the only way a subscription, a payment or
 * a contribution changes here (besides a guest's contributions, and their payments, being claimed by
 * the account that confirms their address). Events are routed by the reference we gave the checkout; others' are
 * not ours and are passed over.
 */
@Component
class PaymentFacts {

    private final PremiumSubscriptions premium;
    private final Contributions contributions;
    private final MembershipPayments membershipPayments;
    private final Payments payments;
    private final ContributionMail mail;
    private final PremiumMail premiumMail;

    PaymentFacts(
            PremiumSubscriptions premium,
            Contributions contributions,
            MembershipPayments membershipPayments,
            Payments payments,
            ContributionMail mail,
            PremiumMail premiumMail) {
        this.premium = premium;
        this.contributions = contributions;
        this.membershipPayments = membershipPayments;
        this.payments = payments;
        this.mail = mail;
        this.premiumMail = premiumMail;
    }

    /**
     * A guest's contributions under an address become the account's once it confirms the address, and so do
     * their payments, here and in payments (the ledger, the export, the subscriptions whose later payments
     * then name the account): in one transaction, and once, since only what names no account is claimed.
     */
    @ApplicationModuleListener
    void on(AddressVerified verified) {
        giveToAccount(contributions.claim(verified.accountId(), verified.email()), verified.accountId());
    }

    private void giveToAccount(List<String> references, long accountId) {
        if (references.isEmpty()) {
            return;
        }
        membershipPayments.giveToAccount(references, accountId);
        payments.giveToAccount(references, accountId);
    }

    /**
     * A guest's contribution claimed before the provider reported this about it (the guest registered, then
     * paid in the checkout still open): what the report names no account for follows the contribution.
     */
    private void followClaim(String reference, @Nullable Long reportedAccountId) {
        if (reportedAccountId != null || !reference.startsWith(Contributions.REFERENCE_PREFIX)) {
            return;
        }
        contributions
                .byReference(reference)
                .map(Contributions.Contribution::accountId)
                .ifPresent(owner -> giveToAccount(List.of(reference), owner));
    }

    @ApplicationModuleListener
    void on(SubscriptionChanged change) {
        if (change.reference().startsWith(PremiumSubscriptions.REFERENCE_PREFIX)) {
            if (premium.apply(change)) {
                premium.byReference(change.reference()).ifPresent(premiumMail::ending);
            }
        } else if (change.reference().startsWith(Contributions.REFERENCE_PREFIX)) {
            contributions.apply(change);
            followClaim(change.reference(), change.accountId());
        }
    }

    @ApplicationModuleListener
    void on(PaymentSucceeded payment) {
        if (!isOurs(payment.reference())) {
            return;
        }
        // A charge is recorded once, however often its event is handled: so is its mail.
        if (!membershipPayments.succeeded(payment)) {
            return;
        }
        if (payment.reference().startsWith(Contributions.REFERENCE_PREFIX)) {
            contributions.paid(payment);
            followClaim(payment.reference(), payment.accountId());
            contributions
                    .byReference(payment.reference())
                    .ifPresent(contribution ->
                            mail.receipt(contribution, payment.amount(), payment.chargeId(), payment.at()));
            return;
        }
        premium.paid(payment);
        if (payment.kind() == PaymentKind.FIRST) {
            // Premium's first payment confirms the purchase by mail; renewals are listed on the membership page.
            premium.byReference(payment.reference())
                    .ifPresent(subscription -> premiumMail.receipt(subscription, payment));
        }
    }

    /**
     * A renewal that failed is recorded, with when it is tried again, and the reader is told which payment
     * failed and when the next try is: this module knows what the subscription is and whom to greet.
     */
    @ApplicationModuleListener
    void on(PaymentFailed failure) {
        if (!isOurs(failure.reference())) {
            return;
        }
        membershipPayments.failed(failure);
        followClaim(failure.reference(), failure.accountId());
        if (!failure.renewal() || failure.nextRetry() == null || failure.email().isBlank()) {
            return;
        }
        if (failure.reference().startsWith(Contributions.REFERENCE_PREFIX)) {
            contributions
                    .byReference(failure.reference())
                    .ifPresent(contribution -> mail.renewalFailed(contribution, failure));
        } else {
            premium.byReference(failure.reference())
                    .ifPresent(subscription -> premiumMail.renewalFailed(subscription, failure));
        }
    }

    /**
     * Money given back: the reader's payments say so, a one-off gift given back in full no longer makes a
     * supporter, and the reader is told by mail. Each refund once, however often its event is handled.
     */
    @ApplicationModuleListener
    void on(ChargeRefunded refund) {
        if (!isOurs(refund.reference())) {
            return;
        }
        membershipPayments.refunded(refund).ifPresent(payment -> {
            if (refund.reference().startsWith(Contributions.REFERENCE_PREFIX)) {
                if (refund.fully()) {
                    contributions.refundedInFull(refund.reference());
                }
                contributions
                        .byReference(refund.reference())
                        .ifPresent(contribution -> mail.refunded(contribution, payment, refund));
            } else {
                premium.byReference(refund.reference())
                        .ifPresent(subscription -> premiumMail.refunded(subscription, payment, refund));
            }
        });
    }

    private static boolean isOurs(String reference) {
        return reference.startsWith(PremiumSubscriptions.REFERENCE_PREFIX)
                || reference.startsWith(Contributions.REFERENCE_PREFIX);
    }
}
