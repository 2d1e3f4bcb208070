package org.masthead.discussion.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.masthead.accounts.PersonalDataContributor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A reader's comments, whom they follow, the comments they recommend and those they reported, in their
 * "download my data" file.
 */
@Component
class DiscussionPersonalData implements PersonalDataContributor {

    record CommentData(
            long id,
            long articleId,
            @Nullable Long inReplyTo,
            String text,
            String status,
            Instant postedAt,
            @Nullable Instant editedAt,
            String permalink) {}

    /** A reader this one follows: by name and profile, as they are shown on the site, not by number alone. */
    record FollowedReader(long id, String displayName, @Nullable String profile) {}

    /** A comment the reader recommends. */
    record RecommendedComment(long comment, long articleId, String permalink, Instant recommendedAt) {}

    /**
     * A comment the reader reported, with the reason they chose (in the words the form showed them) and what
     * they wrote to the moderators.
     */
    record ReportedComment(
            long comment, long articleId, String permalink, String reason, String detail, Instant reportedAt) {}

    private final CommentRepository comments;
    private final FollowRepository follows;
    private final Conversations conversations;
    private final RecommendationRepository recommendations;
    private final ReportRepository reports;

    DiscussionPersonalData(
            CommentRepository comments,
            FollowRepository follows,
            Conversations conversations,
            RecommendationRepository recommendations,
            ReportRepository reports) {
        this.comments = comments;
        this.follows = follows;
        this.conversations = conversations;
        this.recommendations = recommendations;
        this.reports = reports;
    }

    private List<FollowedReader> followed(long accountId) {
        return conversations.followedReaders(accountId).stream()
                .map(reader -> new FollowedReader(reader.id(), reader.displayName(), reader.profilePath()))
                .toList();
    }

    @Override
    public String section() {
        return "discussion";
    }

    @Override
    @Transactional(readOnly = true)
    public Object dataFor(long accountId) {
        List<CommentData> written = comments.allBy(accountId).stream()
                .map(row -> new CommentData(
                        row.id(),
                        row.articleId(),
                        row.inReplyToId(),
                        row.body(),
                        row.status(),
                        row.postedAt(),
                        row.editedAt(),
                        "/comment/" + row.id()))
                .toList();
        List<RecommendedComment> recommended = recommendations.allBy(accountId).stream()
                .map(r -> new RecommendedComment(
                        r.commentId(), r.articleId(), "/comment/" + r.commentId(), r.recommendedAt()))
                .toList();
        List<ReportedComment> reported = reports.allBy(accountId).stream()
                .map(r -> new ReportedComment(
                        r.commentId(),
                        r.articleId(),
                        "/comment/" + r.commentId(),
                        Comments.reportReasonLabel(r.reason()),
                        r.detail(),
                        r.reportedAt()))
                .toList();
        return Map.of(
                "comments", written,
                "following", followed(accountId),
                "followers", follows.followers(accountId).size(),
                "recommended", recommended,
                "reported", reported);
    }
}
