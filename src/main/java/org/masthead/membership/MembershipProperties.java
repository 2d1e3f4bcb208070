package org.masthead.membership;

import java.util.Currency;
import java.util.List;
import org.masthead.payments.Money;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param presetAmounts the amounts offered on the support page, in minor units (pence, cents), the
 *     same numbers in every currency; readers may also write their own within the payments limits
 * @param askVariants how many variants of the ask under articles run at once (1 or 2)
 * @param homeCurrency the currency the Premium and support pages offer first, until a reader chooses
 *     another; one of the currencies payments takes
 */
@ConfigurationProperties("masthead.membership")
public record MembershipProperties(
        @DefaultValue({"500", "1000", "2000"}) List<Long> presetAmounts,
        @DefaultValue("2") int askVariants,
        @DefaultValue("GBP") Currency homeCurrency) {

    public MembershipProperties {
        if (presetAmounts.isEmpty() || presetAmounts.stream().anyMatch(amount -> amount <= 0)) {
            throw new IllegalArgumentException("masthead.membership.preset-amounts must be positive minor units");
        }
        if (askVariants < 1 || askVariants > 2) {
            throw new IllegalArgumentException("masthead.membership.ask-variants must be 1 or 2");
        }
        if (!Money.SUPPORTED.contains(homeCurrency)) {
            throw new IllegalArgumentException(
                    "masthead.membership.home-currency must be one of the currencies payments takes: "
                            + Money.SUPPORTED);
        }
        presetAmounts = List.copyOf(presetAmounts);
    }
}
