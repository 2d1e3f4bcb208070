package org.masthead.moderation;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The thresholds of the moderation rules.
 *
 * @param heldFirstComments how many comments of a new reader are held for a moderator, until that many
 *     have been published; 0 holds none
 * @param maxLinks the most web addresses a comment may carry before it is held
 * @param repeatWindow how far back a reader's same text, posted again, is refused as spam
 * @param reportsToHold how many different readers must report a published comment before it is held
 */
@ConfigurationProperties("masthead.moderation")
public record ModerationProperties(
        @DefaultValue("3") int heldFirstComments,
        @DefaultValue("2") int maxLinks,
        @DefaultValue("1d") Duration repeatWindow,
        @DefaultValue("3") int reportsToHold,
        @DefaultValue Toxicity toxicity) {

    public ModerationProperties {
        if (heldFirstComments < 0 || maxLinks < 0 || reportsToHold < 1 || repeatWindow.isNegative()) {
            throw new IllegalArgumentException("masthead.moderation.held-first-comments and .max-links must be 0 or"
                    + " more, .reports-to-hold 1 or more, and .repeat-window not negative");
        }
    }

    /**
     * @param threshold a score above which a comment is held, from 0 to 1
     * @param timeBudget how long a comment waits for its score
     * @param onTimeout what becomes of a comment whose score did not come in time, or at all
     * @param perspectiveApiKey a Perspective API key: with one, Perspective scores comments instead of
     *     the built-in scorer
     * @param perspectiveUrl where Perspective's API is
     */
    public record Toxicity(
            @DefaultValue("0.8") double threshold,
            @DefaultValue("300ms") Duration timeBudget,
            @DefaultValue("publish") Fallback onTimeout,
            @DefaultValue("") String perspectiveApiKey,
            @DefaultValue("https://commentanalyzer.googleapis.com") String perspectiveUrl) {

        public Toxicity {
            if (threshold < 0 || threshold > 1 || !timeBudget.isPositive()) {
                throw new IllegalArgumentException("masthead.moderation.toxicity.threshold must be between 0 and 1,"
                        + " and .time-budget positive");
            }
        }
    }

    /** What becomes of a comment when a check cannot be made in time. */
    public enum Fallback {
        PUBLISH,
        HOLD
    }
}
