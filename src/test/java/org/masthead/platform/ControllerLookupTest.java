package org.masthead.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.masthead.MastheadTest;
import org.masthead.WebSession;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A request reaches the same controller method however its first word is written: the lookup sets mappings
 * aside by that word (platform/internal/PathFirstMappings), so it must read the word as patterns do,
 * decoded.
 */
@MastheadTest
class ControllerLookupTest {

    @LocalServerPort
    int port;

    @Test
    void aFirstWordWrittenWithAnEscapedLetterFindsItsPage() {
        WebSession visitor = new WebSession(port);

        HttpResponse<String> plain = visitor.get("/search?q=rain");
        HttpResponse<String> escaped = visitor.get("/searc%68?q=rain");

        assertThat(plain.statusCode()).isEqualTo(200);
        assertThat(escaped.statusCode()).isEqualTo(200);
        assertThat(escaped.body()).contains("<h1>Search</h1>").contains("value=\"rain\"");
    }

    @Test
    void anAddressNoMappingBeginsWithIsNotFound() {
        HttpResponse<String> response = new WebSession(port).get("/no-such-place/42/comments");

        assertThat(response.statusCode()).isEqualTo(404);
    }
}
