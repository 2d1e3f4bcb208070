package org.masthead.newsroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.masthead.MastheadModuleTest;
import org.masthead.newsroom.internal.FrontDesk;
import org.masthead.newsroom.internal.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.Scenario;

/** What the newsroom tells other modules, and when: the module's executable example. */
@MastheadModuleTest
class NewsroomScenarioTest {

    @Autowired
    Newsroom newsroom;

    @Autowired
    TestContent content;

    @Autowired
    FrontDesk fronts;

    @Test
    void publishingADraftAnnouncesTheArticleWithItsSectionTagsAndAuthors(Scenario scenario) {
        Section section = content.section(TestContent.unique("Scenes"));
        Tag tag = content.tag(TestContent.unique("Harbours"));
        Author author = content.author(TestContent.unique("Ada Reporter"));
        long draft = content.article(section).by(author).tagged(tag).draft();

        scenario.stimulate(() -> newsroom.publish(draft))
                .andWaitForEventOfType(ArticlePublished.class)
                .matchingMappedValue(ArticlePublished::articleId, draft)
                .toArriveAndVerify(published -> {
                    assertThat(published.sectionId()).isEqualTo(section.id());
                    assertThat(published.tagIds()).containsExactly(tag.id());
                    assertThat(published.authorIds()).containsExactly(author.id());
                });
    }

    @Test
    void anEditorClosingCommentsTellsThePagesThatOfferThem(Scenario scenario) {
        long article =
                content.article(content.section(TestContent.unique("Scenes"))).published();
        Instant closeAt = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);

        scenario.stimulate(() -> newsroom.changeComments(article, true, closeAt))
                .andWaitForEventOfType(ArticleCommentsChanged.class)
                .matchingMappedValue(ArticleCommentsChanged::articleId, article)
                .toArriveAndVerify(changed -> {
                    assertThat(changed.enabled()).isTrue();
                    assertThat(changed.closeAt()).isEqualTo(closeAt);
                });
    }

    @Test
    void anEditorPublishingASectionsFrontTellsThePagesThatShowIt(Scenario scenario) {
        Section section = content.section(TestContent.unique("Scenes"));
        long article = content.article(section).published();
        Front front = Front.of(section);
        Staff editor = new Staff(0, "An editor", true);
        fronts.add(editor, front, article, FrontLayout.LEAD);

        scenario.stimulate(() -> fronts.publish(editor, front))
                .andWaitForEventOfType(FrontChanged.class)
                .matchingMappedValue(FrontChanged::front, front.key())
                .toArriveAndVerify(changed -> assertThat(changed.sectionId()).isEqualTo(section.id()));
    }
}
