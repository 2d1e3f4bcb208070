package org.masthead.moderation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.masthead.discussion.CommentSubmission;
import org.masthead.discussion.CommentVerdict;
import org.masthead.discussion.CommentVerdict.Outcome;
import org.masthead.moderation.internal.Step.Decision;

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
    void onceHeldTheLocalStepsStillSayWhyTheyWouldHoldItButTheRemoteScorerIsNotAsked() {
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
        assertThat(asked).containsExactly("new", "links", "repeat");
    }

    private static Step remote(Step step) {
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
                return step.check(comment);
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

    /** A remote step that says when it is asked, answered and withdrawn. */
    private Step asking(String name, Decision decision) {
        return new Step() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public boolean mayRefuse() {
                return false;
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
                asked.add(name + " asked");
                return new Asked() {
                    private boolean answered;

                    @Override
                    public Decision decision() {
                        answered = true;
                        asked.add(name + " answered");
                        return decision;
                    }

                    @Override
                    public void withdraw() {
                        if (!answered) {
                            asked.add(name + " withdrawn");
                        }
                    }
                };
            }
        };
    }

    @Test
    void theRemoteScorerIsAskedBeforeTheLocalRulesRunAndItsAnswerTakenAfterThem() {
        CommentVerdict verdict = screen(
                step("new", false, Decision.PASS),
                step("banned", true, Decision.PASS),
                asking("toxicity", Decision.hold("hostile")));

        assertThat(verdict.outcome()).isEqualTo(Outcome.HOLD);
        assertThat(verdict.step()).isEqualTo("toxicity");
        assertThat(asked).containsExactly("toxicity asked", "new", "banned", "toxicity answered");
    }

    @Test
    void aCommentTheLocalRulesRefuseOrHoldDoesNotWaitForTheRemoteAnswer() {
        CommentVerdict refused =
                screen(step("banned", true, Decision.refuse("word")), asking("toxicity", Decision.PASS));

        assertThat(refused.outcome()).isEqualTo(Outcome.REFUSE);
        assertThat(asked).containsExactly("toxicity asked", "banned", "toxicity withdrawn");

        asked.clear();
        CommentVerdict held =
                screen(step("links", false, Decision.hold("3 links")), asking("toxicity", Decision.hold("hostile")));

        assertThat(held.step()).isEqualTo("links");
        assertThat(held.alsoHeldBy()).isEmpty();
        assertThat(asked).containsExactly("toxicity asked", "links", "toxicity withdrawn");
    }
}
