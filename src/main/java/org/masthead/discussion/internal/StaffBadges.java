package org.masthead.discussion.internal;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.masthead.accounts.Accounts;
import org.masthead.accounts.PublicReader;
import org.masthead.discussion.CommenterBadges;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The paper's own people say so when they join a conversation. */
@Component
@Order(0)
class StaffBadges implements CommenterBadges {

    private static final List<Badge> STAFF = List.of(new Badge("Staff", "staff"));

    private final Accounts accounts;

    StaffBadges(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public Map<Long, List<Badge>> badgesOf(Collection<Long> accountIds) {
        return accounts.publicReaders(accountIds).values().stream()
                .filter(PublicReader::isStaff)
                .collect(Collectors.toMap(PublicReader::id, reader -> STAFF));
    }
}
