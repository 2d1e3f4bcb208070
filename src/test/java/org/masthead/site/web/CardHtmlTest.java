package org.masthead.site.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.masthead.MastheadTest;
import org.masthead.newsroom.ArticleCard;
import org.masthead.newsroom.Section;
import org.springframework.beans.factory.annotation.Autowired;

/** A kept card is the card as it is now: what changes on it is a new card, never the old one again. */
@MastheadTest
class CardHtmlTest {

    @Autowired
    CardHtml cards;

    private final Section world = new Section(77_001, null, "world", "world", "World", "", 1);
    private final ArticleCard card = new ArticleCard(
            77_002,
            "rail-fares-rise",
            "Rail fares rise",
            "By 4.5% in March",
            world,
            Instant.parse("2026-11-24T10:00:00Z"),
            Instant.parse("2026-11-24T10:00:00Z"),
            null,
            List.of());

    @Test
    void aChangedHeadlineOrCommentCountIsShownAndTheOldOneIsNot() {
        String first = cards.of(card, "medium", Map.of(card.id(), 1));
        assertThat(first)
                .contains("card--medium")
                .contains("Rail fares rise")
                .contains(">1 comment<")
                .contains("By 4.5% in March");

        ArticleCard corrected = new ArticleCard(
                card.id(),
                card.slug(),
                "Rail fares rise <less> than feared",
                card.standfirst(),
                world,
                card.publishedAt(),
                Instant.parse("2026-11-24T12:00:00Z"),
                null,
                List.of());
        assertThat(cards.of(corrected, "medium", Map.of(card.id(), 2)))
                .contains("Rail fares rise &lt;less&gt; than feared")
                .contains(">2 comments<")
                .doesNotContain("<less>");
        assertThat(cards.of(card, "medium", Map.of(card.id(), 3))).contains(">3 comments<");
        assertThat(cards.of(card, "medium", null)).doesNotContain("comment");
        assertThat(cards.of(card, "small", Map.of())).contains("card--small").doesNotContain("By 4.5% in March");
        assertThat(cards.of(card, "medium", Map.of(card.id(), 1))).isEqualTo(first);
    }
}
