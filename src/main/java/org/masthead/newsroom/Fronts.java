package org.masthead.newsroom;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.masthead.accounts.SignedIn;
import org.masthead.newsroom.internal.ArticleRepository;
import org.masthead.newsroom.internal.ArticleRepository.Filter;
import org.masthead.newsroom.internal.FrontRepository;
import org.masthead.newsroom.internal.SectionCache;
import org.masthead.newsroom.internal.Staff;
import org.masthead.platform.NotAllowedException;
import org.springframework.stereotype.Service;

/**
 * The fronts editors curate, the home page and each top-level section's page, and the stories they
 * pinned there. Only published stories are ever answered: one unpublished or deleted drops out of
 * every front by itself, and the rest of the page fills by recency as before.
 */
@Service
// Reads only, each a statement that sees the latest commits, as PublishedContent's do: no transaction of its own.
public class Fronts {

    private final FrontRepository fronts;
    private final ArticleRepository articles;
    private final SectionCache sections;

    Fronts(FrontRepository fronts, ArticleRepository articles, SectionCache sections) {
        this.fronts = fronts;
        this.articles = articles;
        this.sections = sections;
    }

    /** The home page, then each top-level section in its order. */
    public List<Front> all() {
        List<Front> all = new ArrayList<>();
        all.add(Front.home());
        sections.byId().values().stream()
                .filter(Section::isTopLevel)
                .map(Front::of)
                .forEach(all::add);
        return all;
    }

    /** The front an address names: {@code home}, or a top-level section's slug. */
    public Optional<Front> bySlug(String slug) {
        return all().stream().filter(front -> front.slug().equals(slug)).findFirst();
    }

    /** What readers see pinned to the front, in its order. */
    public List<FrontSlot> live(Front front) {
        return slots(fronts.published(front.key(), true));
    }

    /**
     * What the front's editors are arranging, as readers would see it once published: for a preview.
     *
     * @throws NotAllowedException unless the person is an editor (or an admin)
     */
    public List<FrontSlot> draft(SignedIn who, Front front) {
        if (!Staff.of(who).editor()) {
            throw new NotAllowedException("Only editors may see a front before it is published.");
        }
        return slots(fronts.published(front.key(), false));
    }

    private List<FrontSlot> slots(List<FrontRepository.Slot> slots) {
        if (slots.isEmpty()) {
            return List.of();
        }
        Map<Long, Section> byId = sections.byId();
        Map<Long, ArticleCard> cards = articles
                .cards(
                        Filter.withIds(slots.stream()
                                .map(FrontRepository.Slot::articleId)
                                .toList()),
                        slots.size(),
                        0,
                        byId::get)
                .stream()
                .collect(Collectors.toMap(ArticleCard::id, Function.identity()));
        List<FrontSlot> placed = new ArrayList<>(slots.size());
        for (FrontRepository.Slot slot : slots) {
            ArticleCard card = cards.get(slot.articleId());
            if (card != null) {
                placed.add(new FrontSlot(card, slot.layout()));
            }
        }
        return placed;
    }
}
