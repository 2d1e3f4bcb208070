package org.masthead.accounts.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.masthead.accounts.ProfileSection;
import org.masthead.accounts.internal.AvatarImages;
import org.masthead.accounts.internal.ProfileRepository.AvatarImage;
import org.masthead.accounts.internal.Profiles;
import org.masthead.accounts.internal.Profiles.PublicProfile;
import org.masthead.platform.NotFoundException;
import org.masthead.platform.PublicPages;
import org.masthead.platform.SiteProperties;
import org.masthead.platform.StaleReads;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * What everyone may see of a reader: their public profile page and their picture. Both are the same
 * for every visitor, so they are cached, and dropped from caches when the reader changes them.
 */
@Controller
class PublicProfileController {

    private final Profiles profiles;
    private final PublicPages publicPages;
    private final SiteProperties site;
    private final DateTimeFormatter monthAndYear;
    private final List<ProfileSection> sections;

    PublicProfileController(
            Profiles profiles, PublicPages publicPages, SiteProperties site, List<ProfileSection> sections) {
        this.profiles = profiles;
        this.sections = sections;
        this.publicPages = publicPages;
        this.site = site;
        this.monthAndYear = DateTimeFormatter.ofPattern("MMMM yyyy", site.locale());
    }

    @StaleReads
    @GetMapping("/profile/{name}")
    String profile(
            @PathVariable String name,
            @RequestParam Map<String, String> query,
            Model model,
            HttpServletResponse response) {
        PublicProfile profile =
                profiles.publicProfile(name).orElseThrow(() -> new NotFoundException("There is no such reader."));
        // Other modules' parts of the page: what the reader has written, who follows them.
        List<ProfileSection.Content> parts = sections.stream()
                .map(section -> section.contentFor(profile.accountId(), query))
                .toList();
        Instant lastModified = parts.stream()
                .map(ProfileSection.Content::lastModified)
                .filter(Objects::nonNull)
                .reduce(profile.updatedAt(), (a, b) -> a.isAfter(b) ? a : b);
        publicPages.mark(response, lastModified, List.of(Profiles.surrogateKey(profile.accountId())));
        model.addAttribute("sections", parts);
        model.addAttribute("profile", profile);
        YearMonth memberSince = YearMonth.from(profile.memberSince().atZone(site.timeZone()));
        model.addAttribute("memberSince", monthAndYear.format(memberSince));
        model.addAttribute("memberSinceIso", memberSince.toString());
        model.addAttribute("bio", paragraphs(profile.bio()));
        return "accounts/public-profile";
    }

    /**
     * One size of a reader's picture. The address carries the picture's version: when it is the
     * current one the bytes never change under it, so they may be kept for good; any other version
     * gets the current picture, cached as briefly as a page.
     */
    @GetMapping("/avatar/{accountId:\\d{1,18}}/{size:\\d{1,4}}.jpg")
    ResponseEntity<byte[]> avatar(
            @PathVariable long accountId,
            @PathVariable int size,
            @RequestParam(name = "v", defaultValue = "") String version,
            HttpServletResponse response) {
        if (!AvatarImages.SIZES.contains(size)) {
            throw new NotFoundException("There is no picture of that size.");
        }
        AvatarImage image =
                profiles.avatar(accountId, size).orElseThrow(() -> new NotFoundException("There is no such picture."));
        String surrogateKey = Profiles.surrogateKey(accountId);
        ResponseEntity.BodyBuilder ok = ResponseEntity.ok()
                .contentType(MediaType.IMAGE_JPEG)
                .eTag("\"avatar-" + accountId + "-" + size + "-" + image.version() + "\"");
        if (version.equals(String.valueOf(image.version()))) {
            ok.cacheControl(CacheControl.maxAge(Duration.ofDays(365))
                            .cachePublic()
                            .immutable())
                    .header(PublicPages.SURROGATE_KEY, surrogateKey);
        } else {
            publicPages.mark(response, image.updatedAt(), List.of(surrogateKey));
        }
        return ok.body(image.bytes());
    }

    /** The bio as paragraphs of lines: the only markup a bio gets is ours. */
    static List<List<String>> paragraphs(String bio) {
        return Arrays.stream(bio.split("\\n\\s*\\n"))
                .map(String::strip)
                .filter(paragraph -> !paragraph.isEmpty())
                .map(paragraph -> List.of(paragraph.split("\\n")))
                .toList();
    }
}
