package org.masthead.accounts.internal;

import java.util.Set;
import org.masthead.accounts.Accounts;
import org.masthead.accounts.AdminProperties;
import org.masthead.accounts.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/** Creates the administrator named by MASTHEAD_ADMIN_EMAIL and MASTHEAD_ADMIN_PASSWORD, so a new site can be run. */
@Component
class FirstAdmin {

    private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);

    private final AdminProperties admin;
    private final Accounts accounts;
    private final PasswordPolicy passwords;

    FirstAdmin(AdminProperties admin, Accounts accounts, PasswordPolicy passwords) {
        this.admin = admin;
        this.accounts = accounts;
        this.passwords = passwords;
    }

    @EventListener(ApplicationReadyEvent.class)
    void ensureAdmin() {
        String email = admin.email();
        String password = admin.password();
        if (!StringUtils.hasText(email) || !StringUtils.hasText(password)) {
            return;
        }
        var problem = passwords.problemWith(password);
        if (problem.isPresent()) {
            log.error("MASTHEAD_ADMIN_PASSWORD is not acceptable, so no admin was created: {}", problem.get());
            return;
        }
        long id = accounts.ensureAccount(email.strip(), "Administrator", password, Set.of(Role.ADMIN));
        log.info("Administrator account {} is ready (account {})", email.strip(), id);
    }
}
