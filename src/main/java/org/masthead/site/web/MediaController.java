package org.masthead.site.web;

import java.time.Duration;
import org.masthead.newsroom.ImageRendition;
import org.masthead.newsroom.PublishedContent;
import org.masthead.platform.NotFoundException;
import org.masthead.platform.PublicPages;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Image renditions. An image's bytes never change under its id, so they may be cached for good. */
@RestController
class MediaController {

    private final PublishedContent content;

    MediaController(PublishedContent content) {
        this.content = content;
    }

    @GetMapping("/media/{id:\\d{1,18}}/{width:\\d{1,5}}.jpg")
    ResponseEntity<byte[]> image(@PathVariable long id, @PathVariable int width) {
        ImageRendition rendition = content.image(id, width).orElseThrow(() -> new NotFoundException("No such image"));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(rendition.contentType()))
                .cacheControl(
                        CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable())
                .eTag("\"" + id + "-" + width + "\"")
                .header(PublicPages.SURROGATE_KEY, "image-" + id)
                .body(rendition.bytes());
    }
}
