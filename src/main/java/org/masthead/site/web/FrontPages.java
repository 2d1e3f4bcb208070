package org.masthead.site.web;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.masthead.newsroom.ArticleCard;
import org.masthead.newsroom.ArticlePage;
import org.masthead.newsroom.FrontLayout;
import org.masthead.newsroom.FrontSlot;
import org.masthead.newsroom.PublishedContent;
import org.masthead.newsroom.Section;
import org.masthead.site.internal.SurrogateKeys;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The home page and section pages as models, from the stories editors pinned to them (live for
 * readers, the draft for a preview) and the latest stories after those.
 */
@Component
class FrontPages {

    private static final int TOP_STORIES = 6;
    private static final int PER_SECTION = 4;

    /** One block of a front: a section and its latest articles not already shown above it. */
    record SectionBlock(Section section, List<ArticleCard> articles) {}

    /** A story in the top stories beside the lead: across their width when its editor made it big. */
    record TopStory(ArticleCard card, boolean big) {}

    /**
     * The top of a front: its lead stories, then the others.
     *
     * @param leads empty when the editors pinned stories but made none the lead
     */
    record Top(List<ArticleCard> leads, List<TopStory> stories) {

        public boolean isEmpty() {
            return leads.isEmpty() && stories.isEmpty();
        }

        public List<ArticleCard> cards() {
            List<ArticleCard> cards = new ArrayList<>(leads);
            stories.forEach(story -> cards.add(story.card()));
            return cards;
        }
    }

    private final PublishedContent content;
    private final CardCommentCounts commentCounts;

    FrontPages(PublishedContent content, CardCommentCounts commentCounts) {
        this.content = content;
        this.commentCounts = commentCounts;
    }

    /**
     * Fills the home page's model: the pinned stories in their order and layouts, then the latest to
     * make up the top stories (all of them, with the newest as the lead, when nothing is pinned),
     * then a block per section.
     *
     * @param keys gets the surrogate keys of what the page shows
     * @return every story the page shows
     */
    List<ArticleCard> home(List<FrontSlot> pinned, Model model, Set<String> keys) {
        Set<Long> shown = new HashSet<>();
        pinned.forEach(slot -> shown.add(slot.card().id()));
        int wanted = Math.max(0, TOP_STORIES + 1 - pinned.size());
        List<ArticleCard> latest = content.latest(wanted + pinned.size()).stream()
                .filter(card -> !shown.contains(card.id()))
                .limit(wanted)
                .toList();
        latest.forEach(card -> shown.add(card.id()));
        Top top = top(pinned, latest);
        List<SectionBlock> blocks = new ArrayList<>();
        List<ArticleCard> everything = new ArrayList<>(top.cards());
        List<Section> sections = content.topLevelSections();
        List<List<ArticleCard>> latestInSections = content.latestIn(sections, PER_SECTION + shown.size());
        for (int i = 0; i < sections.size(); i++) {
            List<ArticleCard> cards = latestInSections.get(i).stream()
                    .filter(card -> !shown.contains(card.id()))
                    .limit(PER_SECTION)
                    .toList();
            if (!cards.isEmpty()) {
                blocks.add(new SectionBlock(sections.get(i), cards));
                everything.addAll(cards);
            }
        }
        model.addAttribute("top", top);
        model.addAttribute("blocks", blocks);
        model.addAttribute("commentCounts", commentCounts.of(everything));
        keys.add(SurrogateKeys.FRONT);
        blocks.forEach(block -> keys.add(SurrogateKeys.section(block.section().id())));
        pinnedKeys(pinned, keys);
        return everything;
    }

    /**
     * Fills a section page's model: on its first page, the stories pinned to its front on top, and
     * the latest below them without those.
     *
     * @param keys gets the surrogate keys of what the page shows
     * @return every story the page shows
     */
    List<ArticleCard> section(
            Section section, List<FrontSlot> pinned, int page, int pageSize, Model model, Set<String> keys) {
        ArticlePage articles = PageRequests.requireExisting(content.sectionPage(section, page, pageSize));
        Top top = page == 1 ? top(pinned, List.of()) : new Top(List.of(), List.of());
        Set<Long> onTop = new HashSet<>();
        top.cards().forEach(card -> onTop.add(card.id()));
        ArticlePage rest = new ArticlePage(
                articles.articles().stream()
                        .filter(card -> !onTop.contains(card.id()))
                        .toList(),
                articles.number(),
                articles.totalPages());
        List<ArticleCard> everything = new ArrayList<>(top.cards());
        everything.addAll(rest.articles());
        model.addAttribute("section", section);
        model.addAttribute("lineage", content.lineageOf(section));
        model.addAttribute("subSections", content.subSectionsOf(section));
        model.addAttribute("top", top);
        model.addAttribute("articles", rest);
        model.addAttribute("commentCounts", commentCounts.of(everything));
        keys.addAll(SurrogateKeys.of(section));
        if (page == 1) {
            pinnedKeys(pinned, keys);
        }
        return everything;
    }

    private static Top top(List<FrontSlot> pinned, List<ArticleCard> latest) {
        if (pinned.isEmpty()) {
            return latest.isEmpty()
                    ? new Top(List.of(), List.of())
                    : new Top(
                            List.of(latest.getFirst()),
                            latest.subList(1, latest.size()).stream()
                                    .map(card -> new TopStory(card, false))
                                    .toList());
        }
        List<ArticleCard> leads = new ArrayList<>();
        List<TopStory> stories = new ArrayList<>();
        for (FrontSlot slot : pinned) {
            if (slot.layout() == FrontLayout.LEAD) {
                leads.add(slot.card());
            } else {
                stories.add(new TopStory(slot.card(), slot.layout() == FrontLayout.BIG));
            }
        }
        latest.forEach(card -> stories.add(new TopStory(card, false)));
        return new Top(leads, stories);
    }

    /**
     * A pinned story may come from another section: its own changes (an update, unpublishing) must
     * drop this page too.
     */
    private static void pinnedKeys(List<FrontSlot> pinned, Set<String> keys) {
        pinned.forEach(slot -> keys.add(SurrogateKeys.article(slot.card().id())));
    }
}
