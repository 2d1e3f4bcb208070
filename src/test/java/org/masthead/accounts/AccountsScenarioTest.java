package org.masthead.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.masthead.MastheadModuleTest;
import org.masthead.accounts.internal.AccountDeletions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.Scenario;

/** What the accounts module tells other modules, and when: the module's executable example. */
@MastheadModuleTest
class AccountsScenarioTest {

    @Autowired
    AccountDeletions deletions;

    @Autowired
    Accounts accounts;

    @Autowired
    TestAccounts testAccounts;

    @Test
    void aReaderDeletingTheirAccountTellsEveryModuleHoldingTheirData(Scenario scenario) {
        TestAccounts.Credentials reader = testAccounts.create(true);

        scenario.stimulate(() -> deletions.delete(reader.id(), TestAccounts.PASSWORD, null))
                .andWaitForEventOfType(AccountDeleted.class)
                .matchingMappedValue(AccountDeleted::accountId, reader.id())
                .toArriveAndVerify(deleted -> assertThat(accounts.find(reader.id()))
                        .as("an account that can no longer be used")
                        .hasValueSatisfying(
                                account -> assertThat(account.active()).isFalse()));
    }
}
