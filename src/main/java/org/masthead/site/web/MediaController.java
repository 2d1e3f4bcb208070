package org.masthead.site.web;

import java.time.Duration;
import org.masthead.newsroom.ImageCrop;
import org.masthead.newsroom.ImageFormat;
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

/**
 * Image renditions: {@code /media/12/640.webp}, or cut to a shape around the focal point,
 * {@code /media/12/16x9/640.jpg}. An image's bytes never change under its address, so they may be cached
 * for good.
 */
@RestController
class MediaController {

    private final PublishedContent content;

    MediaController(PublishedContent content) {
        this.content = content;
    }

    @GetMapping("/media/{id:\\d{1,18}}/{width:\\d{1,5}}.{format:jpg|webp}")
    ResponseEntity<byte[]> image(@PathVariable long id, @PathVariable int width, @PathVariable String format) {
        return answer(id, ImageCrop.ORIGINAL, width, format);
    }

    @GetMapping("/media/{id:\\d{1,18}}/{crop:16x9|1x1}/{width:\\d{1,5}}.{format:jpg|webp}")
    ResponseEntity<byte[]> cropped(
            @PathVariable long id, @PathVariable String crop, @PathVariable int width, @PathVariable String format) {
        return answer(id, ImageCrop.ofPath(crop).orElseThrow(), width, format);
    }

    private ResponseEntity<byte[]> answer(long id, ImageCrop crop, int width, String extension) {
        ImageFormat format = ImageFormat.ofExtension(extension).orElseThrow();
        ImageRendition rendition =
                content.image(id, crop, width, format).orElseThrow(() -> new NotFoundException("No such image"));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(format.contentType()))
                .cacheControl(
                        CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable())
                .eTag("\"" + id + "-" + crop.path() + "-" + width + "-" + format.extension() + "\"")
                .header(PublicPages.SURROGATE_KEY, "image-" + id)
                .body(rendition.bytes());
    }
}
