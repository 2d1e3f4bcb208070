package org.masthead.newsroom.web;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.masthead.newsroom.internal.wire.WireProperties;
import org.masthead.platform.NotFoundException;
import org.springframework.util.unit.DataSize;

/** A site that configured no wire token has no wire API: whatever is sent, it is not there. */
class WireApiClosedTest {

    @Test
    void withoutAConfiguredTokenTheApiIsNotFoundWhateverTheBearer() {
        WireProperties closed = new WireProperties(
                "",
                DataSize.ofMegabytes(1),
                Duration.ofSeconds(2),
                Duration.ofSeconds(1),
                "Wire",
                Duration.ofMinutes(10));
        // No desk: a closed API must refuse before it reaches one.
        WireApiController api = new WireApiController(closed, null);

        for (String authorization : Arrays.asList(null, "Bearer ", "Bearer anything")) {
            assertThatThrownBy(() -> api.receive(
                            authorization,
                            "application/json",
                            "",
                            new ByteArrayInputStream("{}".getBytes(StandardCharsets.UTF_8))))
                    .isInstanceOf(NotFoundException.class);
        }
    }
}
