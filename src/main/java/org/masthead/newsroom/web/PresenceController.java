package org.masthead.newsroom.web;

import java.time.ZoneId;
import java.util.List;
import org.masthead.accounts.SignedIn;
import org.masthead.newsroom.internal.Desk;
import org.masthead.newsroom.internal.Presence;
import org.masthead.newsroom.internal.Presence.Here;
import org.masthead.newsroom.internal.Staff;
import org.masthead.platform.SiteProperties;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** The editor page's word, while it is open, that its writer is still there; answered with who else is. */
@RestController
class PresenceController {

    private final Desk desk;
    private final Presence presence;
    private final SiteProperties site;

    PresenceController(Desk desk, Presence presence, SiteProperties site) {
        this.desk = desk;
        this.presence = presence;
        this.site = site;
    }

    /** @param text what the editor page shows, empty when nobody else has the article open */
    record OthersHere(List<String> names, String text) {}

    @PostMapping(value = "/newsroom/articles/{id:\\d{1,18}}/presence", produces = MediaType.APPLICATION_JSON_VALUE)
    OthersHere here(@AuthenticationPrincipal SignedIn signedIn, @PathVariable long id) {
        Staff staff = DeskStaff.of(signedIn);
        desk.open(staff, id);
        return othersHere(presence.open(staff, id), site.timeZone());
    }

    static OthersHere othersHere(List<Here> others, ZoneId zone) {
        List<String> names = others.stream().map(Here::name).toList();
        if (others.isEmpty()) {
            return new OthersHere(names, "");
        }
        List<String> who = others.stream()
                .map(here -> here.name() + " (since " + ClockTime.of(here.since(), zone) + ")")
                .toList();
        String list = who.size() == 1
                ? who.getFirst()
                : String.join(", ", who.subList(0, who.size() - 1)) + " and " + who.getLast();
        return new OthersHere(
                names, "Also open by " + list + ": save often, and check the revisions before you publish.");
    }
}
