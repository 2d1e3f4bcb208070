package org.masthead.membership.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.masthead.payments.Money;

/** Monthly recurring revenue is rounded half up to the penny, once, on the sum of the yearly prices. */
class RevenueChargesTest {

    @Test
    void aTwelfthOfTheYearlyPricesIsRoundedHalfUpNotDropped() {
        // £50 a year, £5 and £12 a month: 416.67 + 500 + 1200 pence is £21.17, not £21.16.
        Revenue.Charges charges = new Revenue.Charges(Money.of(1700, "GBP"), Money.of(5000, "GBP"));

        assertThat(charges.perMonth().format()).isEqualTo("£21.17");
    }

    @Test
    void halfAPennyRoundsUpAndLessRoundsDown() {
        assertThat(new Revenue.Charges(Money.of(0, "EUR"), Money.of(6, "EUR")).perMonth())
                .isEqualTo(Money.of(1, "EUR"));
        assertThat(new Revenue.Charges(Money.of(0, "EUR"), Money.of(5, "EUR")).perMonth())
                .isEqualTo(Money.of(0, "EUR"));
    }

    @Test
    void theYearlyPricesAreSummedBeforeTheirTwelfthIsRounded() {
        // Two of £50 a year: £8.33 a month, where rounding each would give £8.34.
        Revenue.Charges one = new Revenue.Charges(Money.of(0, "GBP"), Money.of(5000, "GBP"));

        assertThat(one.plus(one).perMonth()).isEqualTo(Money.of(833, "GBP"));
    }
}
