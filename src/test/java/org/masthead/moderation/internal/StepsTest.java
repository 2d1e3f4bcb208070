package org.masthead.moderation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.masthead.discussion.CommentSubmission;
import org.masthead.moderation.ModerationProperties;
import org.masthead.moderation.ModerationProperties.Fallback;
import org.masthead.moderation.ModerationProperties.Toxicity;
import org.masthead.moderation.ToxicityScorer;
import org.masthead.moderation.internal.Step.Decision;
import org.masthead.moderation.internal.Step.Decision.Kind;
import org.masthead.moderation.internal.WordLists.Entry;

/** The steps that need nothing but the comment: links, words, toxicity and its time budget. */
class StepsTest {

    private static CommentSubmission comment(String text) {
        return new CommentSubmission(1, 2, null, text);
    }

    private static ModerationProperties properties(int maxLinks, Toxicity toxicity) {
        return new ModerationProperties(3, maxLinks, Duration.ofDays(1), 3, toxicity);
    }

    private static Toxicity toxicity(Duration budget, Fallback fallback) {
        return new Toxicity(0.8, budget, fallback, "", "https://commentanalyzer.googleapis.com");
    }

    @Test
    void moreLinksThanAllowedAreHeldAndNoMoreAreNot() {
        LinksStep links = new LinksStep(properties(2, toxicity(Duration.ofMillis(300), Fallback.PUBLISH)));

        assertThat(links.check(comment("See https://a.example and www.b.example"))
                        .kind())
                .isEqualTo(Kind.PASS);
        Decision held = links.check(comment("https://a.example http://b.example and www.c.example"));
        assertThat(held.kind()).isEqualTo(Kind.HOLD);
        assertThat(held.reason()).isEqualTo("3 links, more than 2");
    }

    @Test
    void aListedWordIsFoundInDisguiseAndNamedAsTheListHasIt() {
        List<Entry> banned = List.of(new Entry("Halfwit", Normaliser.entry("Halfwit")));

        assertThat(BannedWordsStep.found(banned, "what a h4lf.w1t"))
                .map(Entry::word)
                .contains("Halfwit");
        assertThat(BannedWordsStep.found(banned, "half of the wit")).isEmpty();
        assertThat(BannedWordsStep.found(List.of(), "anything")).isEmpty();
    }

    @Test
    void theWordsFoundAreTheAuthorsAsWrittenTheFewestThatMatch() {
        assertThat(Normaliser.written("Buy cheap watches, spammy deals here", Normaliser.entry("spam*")))
                .contains("spammy");
        assertThat(Normaliser.written("What a h a l f w i t, honestly", Normaliser.entry("Halfwit")))
                .contains("h a l f w i t");
        assertThat(Normaliser.written("You UTTER\nfool!", Normaliser.entry("utter fool")))
                .contains("UTTER fool");
        assertThat(Normaliser.written("Nothing here", Normaliser.entry("spam*")))
                .isEmpty();
    }

    @Test
    void theBuiltInScorerScoresInsultsAimedAtSomeoneAboveThresholdAndPlainWordsBelow() {
        BuiltInToxicityScorer scorer = new BuiltInToxicityScorer();

        assertThat(scorer.score("The council's plan is stupid, in my view.")).isLessThan(0.8);
        assertThat(scorer.score("Thank you for the report on the night trains."))
                .isZero();
        assertThat(scorer.score("You are a pathetic idi0t")).isGreaterThan(0.8);
        assertThat(scorer.score("i know where you live")).isGreaterThan(0.9);
    }

    @Test
    void aHostileCommentIsHeldNamingTheScoreAndTheScorer() {
        ToxicityStep step = new ToxicityStep(
                new BuiltInToxicityScorer(), properties(2, toxicity(Duration.ofSeconds(2), Fallback.PUBLISH)));
        try {
            Decision decision = step.check(comment("You stupid idiot, shut up"));
            assertThat(decision.kind()).isEqualTo(Kind.HOLD);
            assertThat(decision.reason()).contains("by the built-in scorer").contains("above 0.80");
        } finally {
            step.destroy();
        }
    }

    @Test
    void theBuiltInScorerRunsHereSoItIsALocalRuleAndAServiceIsRemote() {
        ToxicityStep builtIn = new ToxicityStep(
                new BuiltInToxicityScorer(), properties(2, toxicity(Duration.ofSeconds(2), Fallback.PUBLISH)));
        ToxicityStep service =
                new ToxicityStep(slow(Duration.ZERO), properties(2, toxicity(Duration.ofSeconds(2), Fallback.PUBLISH)));
        try {
            assertThat(builtIn.remote()).isFalse();
            assertThat(service.remote()).isTrue();
        } finally {
            builtIn.destroy();
            service.destroy();
        }
    }

    @Test
    void aSlowScorerIsNotWaitedForAndTheCommentIsPublishedAsConfiguredSayingSo() {
        ToxicityStep step = new ToxicityStep(
                slow(Duration.ofSeconds(5)), properties(2, toxicity(Duration.ofMillis(50), Fallback.PUBLISH)));
        try {
            long started = System.nanoTime();
            Decision decision = step.check(comment("hello"));
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
            assertThat(decision.kind()).isEqualTo(Kind.PASS);
            assertThat(decision.note())
                    .isEqualTo("not scored: the slow scorer did not answer within 50 ms; published, as configured");
        } finally {
            step.destroy();
        }
    }

    @Test
    void aFailingScorerHoldsTheCommentWhenConfiguredTo() {
        ToxicityScorer failing = new ToxicityScorer() {
            @Override
            public String name() {
                return "failing";
            }

            @Override
            public double score(String text) {
                throw new IllegalStateException("down");
            }
        };
        ToxicityStep step = new ToxicityStep(failing, properties(2, toxicity(Duration.ofMillis(200), Fallback.HOLD)));
        try {
            Decision decision = step.check(comment("hello"));
            assertThat(decision.kind()).isEqualTo(Kind.HOLD);
            assertThat(decision.reason()).isEqualTo("Not scored: the failing scorer failed; held, as configured");
            assertThat(decision.toAuthor())
                    .as("nothing says the comment breaks the standards, so its author is not told it may")
                    .isEqualTo("A moderator will read it before it is shown.");
        } finally {
            step.destroy();
        }
    }

    @Test
    void aScorerThatAnswersLaterIsAskedByTheCommentsOwnThreadAndNoMoreThan64AreOutAtOnce() {
        List<String> askedBy = new ArrayList<>();
        List<CompletableFuture<Double>> out = new ArrayList<>();
        AsyncToxicityScorer service = new AsyncToxicityScorer() {
            @Override
            public String name() {
                return "service";
            }

            @Override
            public CompletableFuture<Double> scoreAsync(String text) {
                askedBy.add(Thread.currentThread().getName());
                CompletableFuture<Double> score = new CompletableFuture<>();
                out.add(score);
                return score;
            }
        };
        ToxicityStep step = new ToxicityStep(service, properties(2, toxicity(Duration.ofSeconds(2), Fallback.HOLD)));
        try {
            List<Step.Asked> asked = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                asked.add(step.ask(comment("comment " + i)));
            }
            assertThat(askedBy).hasSize(64).containsOnly(Thread.currentThread().getName());

            Decision busy = step.ask(comment("one too many")).decision();
            assertThat(busy.kind()).isEqualTo(Kind.HOLD);
            assertThat(busy.reason()).isEqualTo("Not scored: the service scorer was busy; held, as configured");

            out.getFirst().complete(0.95);
            assertThat(asked.getFirst().decision().reason()).contains("Scored 0.95 for toxicity by the service scorer");
            asked.get(1).withdraw();
            out.get(2).complete(0.1);
            assertThat(asked.get(2).decision().kind()).isEqualTo(Kind.PASS);

            Step.Asked next = step.ask(comment("room again"));
            assertThat(askedBy).hasSize(65);
            out.getLast().complete(0.2);
            assertThat(next.decision().kind()).isEqualTo(Kind.PASS);
        } finally {
            step.destroy();
        }
    }

    @Test
    void aScorerThatFailsBeforeAskingIsAFailureNotABlockedComment() {
        AsyncToxicityScorer broken = new AsyncToxicityScorer() {
            @Override
            public String name() {
                return "broken";
            }

            @Override
            public CompletableFuture<Double> scoreAsync(String text) {
                throw new IllegalStateException("no request could be made");
            }
        };
        ToxicityStep step = new ToxicityStep(broken, properties(2, toxicity(Duration.ofSeconds(2), Fallback.PUBLISH)));
        try {
            Decision decision = step.ask(comment("hello")).decision();
            assertThat(decision.kind()).isEqualTo(Kind.PASS);
            assertThat(decision.note()).isEqualTo("not scored: the broken scorer failed; published, as configured");
        } finally {
            step.destroy();
        }
    }

    private static ToxicityScorer slow(Duration delay) {
        return new ToxicityScorer() {
            @Override
            public String name() {
                return "slow";
            }

            @Override
            public double score(String text) {
                try {
                    Thread.sleep(delay);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return 0;
            }
        };
    }
}
