package org.masthead.notifications.internal;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Turning notification e-mail off by the link in one, without signing in. */
@Service
public class NotificationUnsubscribe {

    private final UnsubscribeLinks links;
    private final EmailPreferences preferences;

    NotificationUnsubscribe(UnsubscribeLinks links, EmailPreferences preferences) {
        this.links = links;
        this.preferences = preferences;
    }

    @Transactional
    public boolean isValid(String token) {
        return links.accountOf(token).isPresent();
    }

    /** @return false if the link is not one of ours */
    @Transactional
    public boolean turnOffMail(String token) {
        return links.accountOf(token)
                .map(accountId -> {
                    preferences.choose(accountId, EmailChoice.OFF);
                    return true;
                })
                .orElse(false);
    }
}
