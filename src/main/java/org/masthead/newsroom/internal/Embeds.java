package org.masthead.newsroom.internal;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Videos and social posts a writer embeds by putting the address on a line of its own. Readers see a
 * placeholder: nothing is fetched from the other site until they ask (a video then loads in a frame;
 * a post opens on its own site, whose embeds need that site's scripts).
 */
final class Embeds {

    /**
     * @param frameSource the privacy-friendly player to load in a frame when the reader asks; null for
     *     a post, which is only linked
     */
    record Embed(String provider, String url, @Nullable String frameSource) {

        boolean isVideo() {
            return frameSource != null;
        }
    }

    private record Provider(String name, Pattern address, Function<Matcher, @Nullable String> frame) {}

    private static final List<Provider> PROVIDERS = List.of(
            new Provider(
                    "YouTube",
                    Pattern.compile(
                            "https?://(?:www\\.|m\\.)?youtube\\.com/(?:watch\\?(?:[^#\\s]*&)?v=|shorts/)([A-Za-z0-9_-]{11})[^\\s]*"),
                    m -> "https://www.youtube-nocookie.com/embed/" + m.group(1)),
            new Provider(
                    "YouTube",
                    Pattern.compile("https?://youtu\\.be/([A-Za-z0-9_-]{11})[^\\s]*"),
                    m -> "https://www.youtube-nocookie.com/embed/" + m.group(1)),
            new Provider(
                    "Vimeo",
                    Pattern.compile("https?://(?:www\\.)?vimeo\\.com/(\\d{1,12})[^\\s]*"),
                    m -> "https://player.vimeo.com/video/" + m.group(1)),
            new Provider(
                    "X",
                    Pattern.compile(
                            "https?://(?:www\\.)?(?:x|twitter)\\.com/[A-Za-z0-9_]{1,15}/status/\\d{1,25}[^\\s]*"),
                    m -> null),
            new Provider(
                    "Instagram",
                    Pattern.compile("https?://(?:www\\.)?instagram\\.com/(?:p|reel)/[A-Za-z0-9_-]{1,40}/?[^\\s]*"),
                    m -> null),
            new Provider(
                    "Bluesky",
                    Pattern.compile("https://bsky\\.app/profile/[A-Za-z0-9.:-]{1,253}/post/[a-z0-9]{1,20}"),
                    m -> null),
            new Provider(
                    "TikTok",
                    Pattern.compile("https?://(?:www\\.)?tiktok\\.com/@[A-Za-z0-9_.]{1,40}/video/\\d{1,25}[^\\s]*"),
                    m -> null));

    private Embeds() {}

    /** The embed a line holding only this address stands for, if its site is one we know. */
    static Optional<Embed> of(String address) {
        String url = address.strip();
        for (Provider provider : PROVIDERS) {
            Matcher matcher = provider.address().matcher(url);
            if (matcher.matches()) {
                return Optional.of(
                        new Embed(provider.name(), url, provider.frame().apply(matcher)));
            }
        }
        return Optional.empty();
    }
}
