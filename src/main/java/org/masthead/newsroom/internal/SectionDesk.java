package org.masthead.newsroom.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.masthead.newsroom.Front;
import org.masthead.newsroom.Section;
import org.masthead.newsroom.SectionPaths;
import org.masthead.newsroom.SectionsChanged;
import org.masthead.platform.NotAllowedException;
import org.masthead.platform.NotFoundException;
import org.masthead.platform.RejectedException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Editors keeping the paper's sections: adding one, so that a site started empty can publish at all,
 * and changing what one is called, what it says of itself and where it stands in the menu. Every rule
 * is checked here, whatever route asked.
 *
 * <p>A section's address is made once and never changes: every article filed in it lives under it
 * ({@code /world/asia/2026/nov/24/...}), so a new address would break every link to them. For the same
 * reason a section stays where it was put: a sub-section's address starts with its parent's. Sections
 * nest one level deep, as the site serves them ({@code /world} and {@code /world/asia}).
 *
 * <p>A change is written to the newsroom's log, drops the sections every node keeps in memory when it
 * commits ({@link SectionCache}), and is announced ({@link SectionsChanged}) so that the pages showing
 * the menu are dropped from every cache.
 */
@Service
public class SectionDesk {

    public static final int NAME_MAX = 60;
    public static final int DESCRIPTION_MAX = 300;
    public static final int POSITION_MAX = 999;

    private static final String SLUG = "[a-z0-9]+(-[a-z0-9]+)*";

    /**
     * A section as an editor types it, every field as typed so that anything unreadable is said beside
     * its field with the rest. Changing a section reads only its name, description and position.
     *
     * @param slug its address; empty to make one from the name
     * @param parentId the number of the section it sits in; empty for a section of the menu
     * @param position its place among the sections beside it, lowest first; empty for after the last
     */
    public record Details(String name, String slug, String description, String parentId, String position) {}

    /**
     * A section as the list shows it.
     *
     * @param parent the section it sits in; null for a section of the menu
     * @param published how many published articles are filed in it (not counting its sub-sections')
     */
    public record Listed(Section section, @Nullable Section parent, long published) {}

    private record Checked(String name, String slug, String description, @Nullable Section parent, int position) {}

    private final CatalogRepository catalog;
    private final SectionCache sections;
    private final DeskRepository desk;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SectionDesk(
            CatalogRepository catalog,
            SectionCache sections,
            DeskRepository desk,
            ApplicationEventPublisher events,
            Clock clock) {
        this.catalog = catalog;
        this.sections = sections;
        this.desk = desk;
        this.events = events;
        this.clock = clock;
    }

    /** Every section as the site orders them: each of the menu's, followed by those it holds. */
    @Transactional(readOnly = true)
    public List<Listed> sections(Staff staff) {
        requireEditor(staff);
        Map<Long, Section> byId = sections.byId();
        Map<Long, Long> counts = catalog.publishedCountsBySection();
        return byId.values().stream()
                .map(section -> new Listed(
                        section,
                        section.parentId() == null ? null : byId.get(section.parentId()),
                        counts.getOrDefault(section.id(), 0L)))
                .toList();
    }

    /** The sections a new one may sit in: those of the menu, as the site serves two levels. */
    public List<Section> parents() {
        return sections.byId().values().stream().filter(Section::isTopLevel).toList();
    }

    public Section section(Staff staff, long id) {
        requireEditor(staff);
        return catalog.sectionById(id).orElseThrow(() -> new NotFoundException("There is no such section."));
    }

    /** The section a sub-section sits in, or null. */
    public @Nullable Section parentOf(Section section) {
        return section.parentId() == null
                ? null
                : catalog.sectionById(section.parentId()).orElse(null);
    }

    /**
     * Adds a section. Journalists can file in it as soon as this commits; readers find it in the menu (or
     * on its parent's page) once the pages that show it are dropped from the caches, just after.
     *
     * @throws RejectedException naming each field at fault ({@code name}, {@code slug}, {@code description},
     *     {@code parentId}, {@code position})
     */
    @Transactional
    public Section add(Staff staff, Details details) {
        requireEditor(staff);
        Checked checked = checked(details, null);
        Section parent = checked.parent();
        String path = parent == null ? checked.slug() : parent.path() + "/" + checked.slug();
        long id;
        try {
            id = catalog.insertSection(
                    parent == null ? null : parent.id(),
                    checked.slug(),
                    path,
                    checked.name(),
                    checked.description(),
                    checked.position());
        } catch (DuplicateKeyException addedMeanwhile) {
            throw new RejectedException(
                    "The section was not added",
                    "slug",
                    "Someone added a section at /" + path + " just now. Choose another address.");
        }
        Section added = catalog.sectionById(id).orElseThrow();
        desk.auditSection(
                id,
                staff.accountId(),
                Action.ADDED,
                (parent == null ? "" : parent.name() + " › ") + added.name() + ", at /" + path + ", place "
                        + added.position(),
                clock.instant());
        changed(id);
        return added;
    }

    /**
     * Changes a section's name, description and place in the menu. Its address, and the section it sits
     * in, stay: see the class's note.
     *
     * @throws RejectedException naming each field at fault ({@code name}, {@code description},
     *     {@code position})
     */
    @Transactional
    public Section change(Staff staff, long id, Details details) {
        Section before = section(staff, id);
        Checked checked = checked(details, before);
        List<String> what = new ArrayList<>();
        if (!checked.name().equals(before.name())) {
            what.add("name " + before.name() + " → " + checked.name());
        }
        if (!checked.description().equals(before.description())) {
            what.add("description");
        }
        if (checked.position() != before.position()) {
            what.add("place " + before.position() + " → " + checked.position());
        }
        if (what.isEmpty()) {
            return before;
        }
        catalog.updateSection(id, checked.name(), checked.description(), checked.position());
        desk.auditSection(id, staff.accountId(), Action.CHANGED, String.join("; ", what), clock.instant());
        changed(id);
        return catalog.sectionById(id).orElseThrow();
    }

    /** Every node reads the sections afresh when this commits, and the pages that show them are dropped. */
    private void changed(long id) {
        sections.forget();
        events.publishEvent(new SectionsChanged(id));
    }

    /**
     * The section as it will be kept, or every problem with it.
     *
     * @param before the section being changed, whose address and parent stay; null for a new one
     */
    private Checked checked(Details details, @Nullable Section before) {
        Map<String, String> errors = new LinkedHashMap<>();
        String name = details.name().strip().replaceAll("\\s+", " ");
        String description = details.description().strip().replaceAll("\\s+", " ");
        Section parent = before == null ? parent(details.parentId(), errors) : parentOf(before);
        long self = before == null ? -1 : before.id();
        List<Section> siblings = catalog.allSections().stream()
                .filter(s -> s.id() != self)
                .filter(s -> Objects.equals(s.parentId(), parent == null ? null : parent.id()))
                .toList();

        if (name.isEmpty()) {
            errors.put("name", "Give the section's name, as the menu should show it.");
        } else if (name.length() > NAME_MAX) {
            errors.put("name", "Keep the name to " + NAME_MAX + " characters: it has to fit in the menu.");
        } else if (siblings.stream().anyMatch(s -> Desk.key(s.name()).equals(Desk.key(name)))) {
            // Journalists choose a section by its name, and readers find it by its name in the menu.
            errors.put(
                    "name",
                    parent == null
                            ? "Another section of the menu is already called " + name + "."
                            : parent.name() + " already has a section called " + name + ".");
        }

        String slug = before == null ? slug(details.slug(), name, parent, errors) : before.slug();

        if (description.length() > DESCRIPTION_MAX) {
            errors.put("description", "Keep the description to " + DESCRIPTION_MAX + " characters.");
        }

        int position = 0;
        String typed = details.position().strip();
        if (typed.isEmpty()) {
            position = Math.min(
                    POSITION_MAX,
                    1 + siblings.stream().mapToInt(Section::position).max().orElse(0));
        } else {
            try {
                position = Integer.parseInt(typed);
            } catch (NumberFormatException e) {
                position = -1;
            }
            if (position < 1 || position > POSITION_MAX) {
                errors.put(
                        "position",
                        "Give its place as a whole number from 1 to " + POSITION_MAX
                                + ", or leave it empty to put it after the last.");
            }
        }

        if (!errors.isEmpty()) {
            throw new RejectedException(
                    before == null ? "The section was not added" : "The section was not saved",
                    "Some fields need changing first.",
                    errors);
        }
        return new Checked(name, slug, description, parent, position);
    }

    /** The section a new one is to sit in, as chosen: none, or one of the menu's. */
    private @Nullable Section parent(String typed, Map<String, String> errors) {
        String id = typed.strip();
        if (id.isEmpty()) {
            return null;
        }
        Section parent = null;
        try {
            parent = catalog.sectionById(Long.parseLong(id)).orElse(null);
        } catch (NumberFormatException e) {
            // Not a section's number: said as for one that is gone.
        }
        if (parent == null) {
            errors.put("parentId", "That section is no longer there: choose another, or none.");
        } else if (!parent.isTopLevel()) {
            errors.put(
                    "parentId",
                    "Sections sit one level deep: choose one of the menu's, not " + parent.name() + ", or none.");
        }
        return parent != null && parent.isTopLevel() ? parent : null;
    }

    /** The new section's address: as typed, or made from its name, and free. */
    private String slug(String typed, String name, @Nullable Section parent, Map<String, String> errors) {
        String given = typed.strip();
        String slug;
        if (given.isEmpty()) {
            slug = Slugs.from(name);
            if (slug.isEmpty()) {
                if (!name.isEmpty()) {
                    errors.put(
                            "slug",
                            "The name has no letters or digits to make an address from: give one, such as world.");
                }
                return "";
            }
        } else if (!given.matches(SLUG) || given.length() > Slugs.MAX_LENGTH) {
            errors.put(
                    "slug",
                    "Use lower-case letters and digits joined by single hyphens, up to " + Slugs.MAX_LENGTH
                            + " characters, or leave it empty to make one from the name.");
            return given;
        } else {
            slug = given;
        }
        String path = parent == null ? slug : parent.path() + "/" + slug;
        // Said of the address the editor gave, or of the one made from the name when they gave none.
        String address = given.isEmpty() ? "The address made from the name, " + slug + "," : "The address " + slug;
        if (SectionPaths.isReserved(slug)) {
            errors.put("slug", address + " is one the site keeps for its own pages: give another.");
        } else if (parent == null && slug.equals(Front.HOME)) {
            errors.put("slug", address + " is the home page's among the newsroom's fronts: give another.");
        } else if (catalog.allSections().stream().anyMatch(s -> s.path().equals(path))) {
            errors.put("slug", address + " is taken: another section is at /" + path + ". Give another.");
        }
        return slug;
    }

    private static void requireEditor(Staff staff) {
        if (!staff.editor()) {
            throw new NotAllowedException("Only editors may add sections and change them.");
        }
    }

    /** What the newsroom's log says was done to a section. */
    public static final class Action {
        public static final String ADDED = "added the section";
        public static final String CHANGED = "changed the section";

        private Action() {}
    }
}
