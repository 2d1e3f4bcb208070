package org.masthead.newsroom.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.masthead.newsroom.ArticleCard;
import org.masthead.newsroom.Front;
import org.masthead.newsroom.FrontChanged;
import org.masthead.newsroom.FrontLayout;
import org.masthead.newsroom.Fronts;
import org.masthead.newsroom.PublishedContent;
import org.masthead.platform.NotAllowedException;
import org.masthead.platform.NotFoundException;
import org.masthead.platform.RejectedException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Editors arranging fronts: they pin stories to a front's draft, order them and choose their layouts,
 * then publish the draft for readers, or put it back as it is live. Every rule is checked here,
 * whatever route asked; publishing and discarding are written to the newsroom's log, with the order
 * that went live. Changes to the draft are not: readers never saw them.
 */
@Service
public class FrontDesk {

    /** More than fills the top of a front: a front is the editors' choice, not an archive. */
    public static final int MAX_SLOTS = 12;

    private static final int CANDIDATES = 40;

    /** A front's draft as its editors see it, and whether it differs from what readers see. */
    public record Draft(Front front, List<FrontRepository.Placed> slots, boolean changed) {}

    private final Fronts fronts;
    private final FrontRepository repository;
    private final DeskRepository desk;
    private final PublishedContent content;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    FrontDesk(
            Fronts fronts,
            FrontRepository repository,
            DeskRepository desk,
            PublishedContent content,
            ApplicationEventPublisher events,
            Clock clock) {
        this.fronts = fronts;
        this.repository = repository;
        this.desk = desk;
        this.content = content;
        this.events = events;
        this.clock = clock;
    }

    /** Every front, for editors. */
    public List<Front> fronts(Staff staff) {
        requireEditor(staff);
        return fronts.all();
    }

    /** The front an address names, for editors. */
    public Front front(Staff staff, String slug) {
        requireEditor(staff);
        return fronts.bySlug(slug).orElseThrow(() -> new NotFoundException("There is no front called " + slug + "."));
    }

    @Transactional(readOnly = true)
    public Draft draft(Staff staff, Front front) {
        requireEditor(staff);
        List<FrontRepository.Placed> slots = repository.draft(front.key());
        List<FrontRepository.Slot> asSlots = slots.stream()
                .map(placed -> new FrontRepository.Slot(placed.articleId(), placed.layout()))
                .toList();
        return new Draft(front, slots, !asSlots.equals(repository.live(front.key())));
    }

    /** Recently published stories not on the draft yet: the section's own for a section's front. */
    @Transactional(readOnly = true)
    public List<ArticleCard> candidates(Staff staff, Front front) {
        requireEditor(staff);
        Set<Long> placed = repository.draft(front.key()).stream()
                .map(FrontRepository.Placed::articleId)
                .collect(Collectors.toSet());
        List<ArticleCard> recent =
                front.section() == null ? content.latest(CANDIDATES) : content.latestIn(front.section(), CANDIDATES);
        return recent.stream().filter(card -> !placed.contains(card.id())).toList();
    }

    /** Pins a published story to the end of the draft. */
    @Transactional
    public void add(Staff staff, Front front, long articleId, FrontLayout layout) {
        List<FrontRepository.Slot> slots = lockedDraft(staff, front);
        if (slots.stream().anyMatch(slot -> slot.articleId() == articleId)) {
            throw new RejectedException("Already there", "articleId", "That story is on this front already.");
        }
        if (slots.size() >= MAX_SLOTS) {
            throw new RejectedException(
                    "Front full",
                    "articleId",
                    "A front holds up to " + MAX_SLOTS + " pinned stories; remove one first. The rest of the page"
                            + " fills with the latest stories by itself.");
        }
        if (content.article(articleId).isEmpty()) {
            throw new RejectedException(
                    "Not published",
                    "articleId",
                    "Only a published story can go on a front; choose one from the list.");
        }
        slots.add(new FrontRepository.Slot(articleId, layout));
        repository.replaceDraft(front.key(), slots);
    }

    /** Moves a story one place up (towards the top of the front) or down. */
    @Transactional
    public void move(Staff staff, Front front, long articleId, boolean up) {
        List<FrontRepository.Slot> slots = lockedDraft(staff, front);
        int at = indexOf(slots, articleId);
        int to = up ? at - 1 : at + 1;
        if (to < 0 || to >= slots.size()) {
            return;
        }
        slots.add(to, slots.remove(at));
        repository.replaceDraft(front.key(), slots);
    }

    @Transactional
    public void remove(Staff staff, Front front, long articleId) {
        List<FrontRepository.Slot> slots = lockedDraft(staff, front);
        slots.remove(indexOf(slots, articleId));
        repository.replaceDraft(front.key(), slots);
    }

    @Transactional
    public void layout(Staff staff, Front front, long articleId, FrontLayout layout) {
        List<FrontRepository.Slot> slots = lockedDraft(staff, front);
        slots.set(indexOf(slots, articleId), new FrontRepository.Slot(articleId, layout));
        repository.replaceDraft(front.key(), slots);
    }

    /** Readers see the draft from now on, on every node. */
    @Transactional
    public void publish(Staff staff, Front front) {
        requireEditor(staff);
        repository.lock(front.key());
        repository.publish(front.key());
        List<FrontRepository.Placed> slots = repository.draft(front.key());
        desk.auditFront(front.key(), staff.accountId(), Action.PUBLISHED, describe(front, slots), clock.instant());
        events.publishEvent(new FrontChanged(
                front.key(), front.section() == null ? null : front.section().id()));
    }

    /** Throws the draft's changes away: it is the live front again. */
    @Transactional
    public void discard(Staff staff, Front front) {
        requireEditor(staff);
        repository.lock(front.key());
        repository.discard(front.key());
        desk.auditFront(front.key(), staff.accountId(), Action.DISCARDED, front.name(), clock.instant());
    }

    private List<FrontRepository.Slot> lockedDraft(Staff staff, Front front) {
        requireEditor(staff);
        repository.lock(front.key());
        return new ArrayList<>(repository.draft(front.key()).stream()
                .map(placed -> new FrontRepository.Slot(placed.articleId(), placed.layout()))
                .toList());
    }

    private static int indexOf(List<FrontRepository.Slot> slots, long articleId) {
        for (int i = 0; i < slots.size(); i++) {
            if (slots.get(i).articleId() == articleId) {
                return i;
            }
        }
        throw new NotFoundException("That story is not on this front (any more): someone may have removed it.");
    }

    /** "Home: 1. Headline (lead), 2. …": what went live, for the log. */
    private static String describe(Front front, List<FrontRepository.Placed> slots) {
        if (slots.isEmpty()) {
            return front.name() + ": nothing pinned, the latest stories only";
        }
        List<String> parts = new ArrayList<>();
        for (FrontRepository.Placed slot : slots) {
            parts.add(parts.size() + 1 + ". " + slot.headline() + " ("
                    + slot.layout().label().toLowerCase(Locale.ROOT) + ")");
        }
        return front.name() + ": " + String.join(", ", parts);
    }

    private static void requireEditor(Staff staff) {
        if (!staff.editor()) {
            throw new NotAllowedException("Only editors may arrange fronts.");
        }
    }

    /** What the log records, in words an editor reads. */
    public static final class Action {
        public static final String PUBLISHED = "published the front";
        public static final String DISCARDED = "discarded changes to the front";

        private Action() {}
    }
}
