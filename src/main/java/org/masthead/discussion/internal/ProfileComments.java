package org.masthead.discussion.internal;

import java.util.HashMap;
import java.util.Map;
import org.masthead.accounts.ProfileSection;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A reader's part in conversations on their public profile: how many follow them and whom they
 * follow, a follow button, and what they have written, newest first, a page at a time ({@code
 * ?before=} a position).
 */
@Component
@Order(0)
class ProfileComments implements ProfileSection {

    private final Conversations conversations;
    private final Follows follows;
    private final CommentRepository comments;

    ProfileComments(Conversations conversations, Follows follows, CommentRepository comments) {
        this.conversations = conversations;
        this.follows = follows;
        this.comments = comments;
    }

    @Override
    public Content contentFor(long accountId, Map<String, String> query) {
        String before = query.getOrDefault("before", "");
        Cursor cursor = before.isEmpty() ? null : Cursor.parse(before).orElse(null);
        Map<String, Object> model = new HashMap<>();
        model.put("accountId", accountId);
        model.put("counts", follows.counts(accountId));
        model.put("page", conversations.byAuthor(accountId, cursor));
        model.put("paged", cursor != null);
        return new Content(
                "discussion/profile :: section",
                model,
                comments.lastPostedBy(accountId).orElse(null));
    }
}
