package org.masthead.discovery.web;

import org.jspecify.annotations.Nullable;
import org.masthead.discovery.internal.ActivityCounter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;

/**
 * The article page's beacon: its script asks this once per reading, so that the page stays cached and
 * the same for everyone. Nothing is sent back and nothing is kept by anyone on the way.
 */
@Controller
class ReadingsController {

    private final ActivityCounter counter;

    ReadingsController(ActivityCounter counter) {
        this.counter = counter;
    }

    @GetMapping("/views/{articleId:\\d{1,18}}")
    ResponseEntity<Void> read(
            @PathVariable long articleId,
            HttpMethod method,
            @RequestHeader(value = HttpHeaders.USER_AGENT, required = false) @Nullable String userAgent) {
        // A HEAD is answered as its GET, but it is a link checker or a monitor asking, never the page's script.
        if (method == HttpMethod.GET) {
            counter.countReading(articleId, userAgent);
        }
        return ResponseEntity.noContent()
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .build();
    }
}
