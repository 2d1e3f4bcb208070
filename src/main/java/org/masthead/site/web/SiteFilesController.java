package org.masthead.site.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.masthead.platform.SiteProperties;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The small files that browsers, phones and security researchers ask every site for at fixed
 * addresses: the icon in a tab, the icon of a bookmark on a phone's home screen, the web app manifest,
 * and {@code security.txt} (RFC 9116). Asked for constantly, so each is cheap and cached for a day.
 * The icons are the masthead's "M" as {@code /img/favicon.svg} draws it, in the site's blue.
 */
@RestController
class SiteFilesController {

    private static final CacheControl A_DAY =
            CacheControl.maxAge(Duration.ofDays(1)).cachePublic();
    private static final MediaType ICON = MediaType.parseMediaType("image/x-icon");
    private static final MediaType MANIFEST = MediaType.parseMediaType("application/manifest+json");
    private static final String BRAND = "#052962";

    /** RFC 9116 asks for an expiry under a year away; renewed as each copy is served. */
    private static final Duration SECURITY_TXT_VALID_FOR = Duration.ofDays(180);

    private final SiteProperties site;
    private final Clock clock;
    private final byte[] favicon = read("site/favicon.ico");
    private final byte[] touchIcon = read("site/apple-touch-icon.png");

    SiteFilesController(SiteProperties site, Clock clock) {
        this.site = site;
        this.clock = clock;
    }

    /** Icons of 16, 32 and 48 pixels, for browsers that look here rather than at the page's SVG icon. */
    @GetMapping("/favicon.ico")
    ResponseEntity<byte[]> favicon() {
        return ResponseEntity.ok().contentType(ICON).cacheControl(A_DAY).body(favicon);
    }

    /** 180 pixels square and opaque: the phone rounds the corners itself. */
    @GetMapping("/apple-touch-icon.png")
    ResponseEntity<byte[]> touchIcon() {
        return ResponseEntity.ok()
                .contentType(MediaType.IMAGE_PNG)
                .cacheControl(A_DAY)
                .body(touchIcon);
    }

    /** What a browser needs to add the site to a home screen: its name, colours and icons. */
    record Manifest(
            String name,
            @JsonProperty("short_name") String shortName,
            String description,
            String lang,
            @JsonProperty("start_url") String startUrl,
            String display,
            @JsonProperty("background_color") String backgroundColor,
            @JsonProperty("theme_color") String themeColor,
            List<Icon> icons) {}

    record Icon(String src, String sizes, String type) {}

    @GetMapping("/manifest.json")
    ResponseEntity<Manifest> manifest() {
        Manifest manifest = new Manifest(
                site.name(),
                site.name(),
                site.tagline(),
                site.language().toLanguageTag(),
                "/",
                "browser",
                "#ffffff",
                BRAND,
                List.of(
                        new Icon("/img/favicon.svg", "any", "image/svg+xml"),
                        new Icon("/apple-touch-icon.png", "180x180", "image/png"),
                        new Icon("/img/logo.png", "512x512", "image/png")));
        return ResponseEntity.ok().contentType(MANIFEST).cacheControl(A_DAY).body(manifest);
    }

    /** Whom to tell about a security problem (RFC 9116), from {@code masthead.site.security-contact}. */
    @GetMapping(value = "/.well-known/security.txt", produces = "text/plain;charset=UTF-8")
    ResponseEntity<String> securityTxt() {
        String expires = DateTimeFormatter.ISO_INSTANT.format(
                clock.instant().plus(SECURITY_TXT_VALID_FOR).truncatedTo(ChronoUnit.DAYS));
        String body =
                """
                Contact: %s
                Expires: %s
                Preferred-Languages: %s
                Canonical: %s/.well-known/security.txt
                """
                        .formatted(
                                site.securityContact(), expires, site.language().getLanguage(), site.origin());
        return ResponseEntity.ok().cacheControl(A_DAY).body(body);
    }

    private static byte[] read(String path) {
        try (InputStream in = new ClassPathResource(path).getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
