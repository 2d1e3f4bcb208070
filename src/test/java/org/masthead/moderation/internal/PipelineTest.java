package org.masthead.moderation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.masthead.discussion.CommentScreening;
import org.masthead.discussion.CommentSubmission;
import org.masthead.discussion.CommentVerdict;
import org.masthead.discussion.CommentVerdict.Outcome;
import org.masthead.moderation.internal.Step.Decision;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionSynchronizationManager;

class PipelineTest {

    private final List<String> asked = new ArrayList<>();

    private Step step(String name, boolean mayRefuse, Decision decision) {
        return new Step() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public boolean mayRefuse() {
                return mayRefuse;
            }

            @Override
            public Decision check(CommentSubmission comment) {
                asked.add(name);
                return decision;
            }
        };
    }

    private CommentVerdict screen(Step... steps) {
        return new Pipeline(List.of(steps), null, null, null).screen(new CommentSubmission(1, 2, null, "text"));
    }

    @Test
    void aCommentEveryStepLetsThroughIsPublished() {
        CommentVerdict verdict = screen(step("a", true, Decision.PASS), step("b", false, Decision.PASS));

        assertThat(verdict.outcome()).isEqualTo(Outcome.PUBLISH);
        assertThat(asked).containsExactly("a", "b");
    }

    @Test
    void theFirstRefusalDecidesAndNoLaterStepIsAsked() {
        CommentVerdict verdict = screen(
                step("a", true, Decision.PASS),
                step("b", true, Decision.refuse("no")),
                step("c", true, Decision.refuse("never")));

        assertThat(verdict.outcome()).isEqualTo(Outcome.REFUSE);
        assertThat(verdict.step()).isEqualTo("b");
        assertThat(verdict.reason()).isEqualTo("no");
        assertThat(asked).containsExactly("a", "b");
    }

    @Test
    void aHoldStandsButALaterStepMayStillRefuse() {
        CommentVerdict verdict =
                screen(step("new", false, Decision.hold("new reader")), step("banned", true, Decision.refuse("word")));

        assertThat(verdict.outcome()).isEqualTo(Outcome.REFUSE);
        assertThat(verdict.step()).isEqualTo("banned");
    }

    @Test
    void onceHeldTheLocalStepsStillSayWhyTheyWouldHoldItButTheRemoteScorersAnswerIsNotWaitedFor() {
        CommentVerdict verdict = screen(
                step("new", false, Decision.hold("new reader")),
                step("links", false, Decision.hold("3 links")),
                step("repeat", true, Decision.PASS),
                remote(step("toxicity", false, Decision.hold("hostile"))));

        assertThat(verdict.outcome()).isEqualTo(Outcome.HOLD);
        assertThat(verdict.step()).isEqualTo("new");
        assertThat(verdict.reason()).isEqualTo("new reader");
        assertThat(verdict.alsoHeldBy()).containsExactly("links");
        assertThat(verdict.notes()).containsExactly("Also: 3 links (the links check)");
        assertThat(asked).containsExactly("toxicity asked", "new", "links", "repeat", "toxicity withdrawn");
    }

    /** A remote step around {@code step}: it says when it is asked, and when it is withdrawn unanswered. */
    private Step remote(Step step) {
        return new Step() {
            @Override
            public String name() {
                return step.name();
            }

            @Override
            public boolean mayRefuse() {
                return step.mayRefuse();
            }

            @Override
            public boolean remote() {
                return true;
            }

            @Override
            public Decision check(CommentSubmission comment) {
                return ask(comment).decision();
            }

            @Override
            public Asked ask(CommentSubmission comment) {
                asked.add(step.name() + " asked");
                return new Asked() {
                    private boolean answered;

                    @Override
                    public Decision decision() {
                        answered = true;
                        return step.check(comment);
                    }

                    @Override
                    public void withdraw() {
                        if (!answered) {
                            asked.add(step.name() + " withdrawn");
                        }
                    }
                };
            }
        };
    }

    @Test
    void aHoldsOwnWordsForItsAuthorComeBeforeItsSteps() {
        Step toxicity = new Step() {
            @Override
            public String name() {
                return "toxicity";
            }

            @Override
            public String toAuthor() {
                return "It may break our community standards.";
            }

            @Override
            public boolean mayRefuse() {
                return false;
            }

            @Override
            public Decision check(CommentSubmission comment) {
                return Decision.hold("Not scored", Step.NEUTRAL);
            }
        };

        assertThat(screen(toxicity).toAuthor()).isEqualTo(Step.NEUTRAL);
        assertThat(screen(step("links", false, Decision.hold("3 links"))).toAuthor())
                .isEqualTo(Step.NEUTRAL);
    }

    @Test
    void aStepsNoteIsKeptEvenWhenItLetsTheCommentThrough() {
        CommentVerdict verdict = screen(step("toxicity", false, Decision.PASS.noting("not scored in time")));

        assertThat(verdict.outcome()).isEqualTo(Outcome.PUBLISH);
        assertThat(verdict.notes()).containsExactly("toxicity: not scored in time");
    }

    @Test
    void theRemoteScorerIsAskedBeforeTheLocalRulesRunAndItsAnswerTakenAfterThem() {
        CommentVerdict verdict = screen(
                step("new", false, Decision.PASS),
                step("banned", true, Decision.PASS),
                remote(step("toxicity", false, Decision.hold("hostile"))));

        assertThat(verdict.outcome()).isEqualTo(Outcome.HOLD);
        assertThat(verdict.step()).isEqualTo("toxicity");
        assertThat(asked).containsExactly("toxicity asked", "new", "banned", "toxicity");
    }

    @Test
    void aCommentTheLocalRulesRefuseOrHoldDoesNotWaitForTheRemoteAnswer() {
        CommentVerdict refused =
                screen(step("banned", true, Decision.refuse("word")), remote(step("toxicity", false, Decision.PASS)));

        assertThat(refused.outcome()).isEqualTo(Outcome.REFUSE);
        assertThat(asked).containsExactly("toxicity asked", "banned", "toxicity withdrawn");

        asked.clear();
        CommentVerdict held = screen(
                step("links", false, Decision.hold("3 links")),
                remote(step("toxicity", false, Decision.hold("hostile"))));

        assertThat(held.step()).isEqualTo("links");
        assertThat(held.alsoHeldBy()).isEmpty();
        assertThat(asked).containsExactly("toxicity asked", "links", "toxicity withdrawn");
    }

    private Pipeline bannedWordsThenToxicity() {
        return new Pipeline(
                List.of(step("banned", true, Decision.PASS), remote(step("toxicity", false, Decision.PASS))),
                null,
                null,
                null);
    }

    @Test
    void theRemoteScorerIsAskedAsScreeningBeginsSoThatTheCallersOwnChecksRunWhileItThinks() {
        Pipeline pipeline = bannedWordsThenToxicity();

        CommentVerdict verdict;
        try (CommentScreening.Screening screening = pipeline.begin(new CommentSubmission(1, 2, null, "text"))) {
            asked.add("the discussion's own checks");
            verdict = screening.verdict();
        }

        assertThat(verdict.outcome()).isEqualTo(Outcome.PUBLISH);
        assertThat(asked).containsExactly("toxicity asked", "the discussion's own checks", "banned", "toxicity");
    }

    @Test
    void aCommentTheDiscussionRefusesItselfWithdrawsTheQuestionUnanswered() {
        Pipeline pipeline = bannedWordsThenToxicity();

        CommentScreening.Screening screening = pipeline.begin(new CommentSubmission(1, 2, null, "text"));
        // The article's comments are closed: the discussion refuses it before asking for the verdict.
        screening.close();

        assertThat(asked).containsExactly("toxicity asked", "toxicity withdrawn");
    }

    @Test
    void theLocalRulesShareOneConnectionScopeWithoutATransactionAndTheRemoteAnswerIsTakenOutsideIt() {
        List<String> begun = new ArrayList<>();
        AbstractPlatformTransactionManager transactions = new AbstractPlatformTransactionManager() {
            @Override
            protected Object doGetTransaction() {
                return new Object();
            }

            @Override
            protected void doBegin(Object transaction, TransactionDefinition definition) {
                begun.add(definition.toString());
            }

            @Override
            protected void doCommit(DefaultTransactionStatus status) {}

            @Override
            protected void doRollback(DefaultTransactionStatus status) {}
        };
        Step local = new Step() {
            @Override
            public String name() {
                return "sanctions";
            }

            @Override
            public boolean mayRefuse() {
                return false;
            }

            @Override
            public Decision check(CommentSubmission comment) {
                asked.add("local: shared " + TransactionSynchronizationManager.isSynchronizationActive()
                        + ", in a transaction " + TransactionSynchronizationManager.isActualTransactionActive());
                return Decision.PASS;
            }
        };
        Step scorer = remote(new Step() {
            @Override
            public String name() {
                return "toxicity";
            }

            @Override
            public boolean mayRefuse() {
                return false;
            }

            @Override
            public Decision check(CommentSubmission comment) {
                asked.add("remote: shared " + TransactionSynchronizationManager.isSynchronizationActive());
                return Decision.PASS;
            }
        });

        CommentVerdict verdict = new Pipeline(List.of(local, scorer), null, transactions)
                .screen(new CommentSubmission(1, 2, null, "text"));

        assertThat(verdict.outcome()).isEqualTo(Outcome.PUBLISH);
        assertThat(begun).isEmpty();
        assertThat(asked)
                .containsExactly(
                        "toxicity asked", "local: shared true, in a transaction false", "remote: shared false");
    }
}
