package org.masthead.accounts.internal;

import jakarta.servlet.http.HttpSession;
import org.masthead.accounts.AccountsProperties;
import org.masthead.accounts.SignedIn;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Staff sessions end after a short time without use, whatever the reader's settings: a staff
 * session left open on a shared computer opens the newsroom.
 */
@Component
class StaffSessions {

    private final AccountsProperties properties;

    StaffSessions(AccountsProperties properties) {
        this.properties = properties;
    }

    /** Runs after "keep me signed in" has set its lifetime, so for staff this one wins. */
    @EventListener
    void on(InteractiveAuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof SignedIn signedIn
                && signedIn.isStaff()
                && RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request) {
            HttpSession session = request.getRequest().getSession();
            session.setMaxInactiveInterval(
                    (int) properties.staffSessionTimeout().toSeconds());
        }
    }
}
