package org.masthead.accounts;

import static org.masthead.StartupSettings.refusal;

import org.junit.jupiter.api.Test;

class AccountsPropertiesTest {

    @Test
    void aStaffSessionTimeoutThatIsNotPositiveIsRefusedAtStartRatherThanNeverTimingOut() {
        refusal(AccountsProperties.class, "masthead.accounts", "masthead.accounts.staff-session-timeout=-30m")
                .hasMessage("masthead.accounts.staff-session-timeout must be positive, not PT-30M");
        refusal(AccountsProperties.class, "masthead.accounts", "masthead.accounts.staff-session-timeout=0s")
                .hasMessage("masthead.accounts.staff-session-timeout must be positive, not PT0S");
    }
}
