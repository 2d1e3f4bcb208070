package org.masthead.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.masthead.Http;
import org.masthead.MastheadTest;
import org.masthead.WebSession;
import org.masthead.accounts.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What browsers and researchers ask every site for: real answers, cached, and no session for them;
 * and for addresses nothing serves, a 404 for everyone, with no session either.
 */
@MastheadTest
class SiteFilesTest {

    @LocalServerPort
    int port;

    @Autowired
    TestAccounts accounts;

    @Test
    void theTabIconIsAnIconFileInThreeSizes() throws Exception {
        HttpResponse<byte[]> icon = new Http(port).getBytes("/favicon.ico");

        assertThat(icon.statusCode()).isEqualTo(200);
        assertThat(icon.headers().firstValue("Content-Type")).hasValue("image/x-icon");
        byte[] body = icon.body();
        assertThat(body).startsWith(0, 0, 1, 0);
        assertThat(body[4]).as("images in the file").isEqualTo((byte) 3);
        assertThat(List.of(body[6], body[22], body[38])).containsExactly((byte) 16, (byte) 32, (byte) 48);
        assertNoSession(icon);
    }

    @Test
    void thePhonesHomeScreenIconIsAnOpaqueSquare() throws Exception {
        HttpResponse<byte[]> icon = new Http(port).getBytes("/apple-touch-icon.png");

        assertThat(icon.statusCode()).isEqualTo(200);
        assertThat(icon.headers().firstValue("Content-Type")).hasValue("image/png");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(icon.body()));
        assertThat(image.getWidth()).isEqualTo(180);
        assertThat(image.getHeight()).isEqualTo(180);
        assertThat(image.getColorModel().hasAlpha()).isFalse();
        assertThat(image.getRGB(2, 2) & 0xffffff).as("the site's blue").isEqualTo(0x052962);
        assertNoSession(icon);
    }

    @Test
    void theManifestNamesTheSite() {
        HttpResponse<String> manifest = new Http(port).get("/manifest.json");

        assertThat(manifest.statusCode()).isEqualTo(200);
        assertThat(manifest.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/manifest+json");
        assertThat(manifest.body())
                .contains("\"name\":\"The Masthead\"")
                .contains("\"short_name\":\"The Masthead\"")
                .contains("\"theme_color\":\"#052962\"")
                .contains("\"src\":\"/apple-touch-icon.png\"");
        assertNoSession(manifest);
    }

    @Test
    void securityTxtSaysWhomToTellAndUntilWhen() {
        HttpResponse<String> securityTxt = new Http(port).get("/.well-known/security.txt");

        assertThat(securityTxt.statusCode()).isEqualTo(200);
        assertThat(securityTxt.headers().firstValue("Content-Type").orElseThrow())
                .startsWith("text/plain");
        assertThat(securityTxt.body())
                .contains("Contact: mailto:security@localhost\n")
                .contains("Canonical: http://localhost:8080/.well-known/security.txt\n");
        Matcher expires = Pattern.compile("Expires: (\\S+)\n").matcher(securityTxt.body());
        assertThat(expires.find()).isTrue();
        Instant until = Instant.parse(expires.group(1));
        assertThat(until).isAfter(Instant.now()).isBefore(Instant.now().plus(Duration.ofDays(365)));
        assertNoSession(securityTxt);
    }

    @Test
    void unknownAddressesAreNotFoundForEveryoneAndStoreNoSession() {
        TestAccounts.Credentials reader = accounts.create(true);
        WebSession signedIn = new WebSession(port);
        TestAccounts.signIn(signedIn, reader);
        Http anonymous = new Http(port);

        for (String path : List.of("/ads.txt", "/apple-touch-icon-precomposed.png", "/wp-login.php", "/.env")) {
            HttpResponse<String> visitor = anonymous.get(path);
            assertThat(visitor.statusCode()).as(path).isEqualTo(404);
            assertThat(visitor.headers().allValues("Set-Cookie")).as(path).isEmpty();
            assertThat(signedIn.get(path).statusCode()).as(path + " signed in").isEqualTo(404);
        }
    }

    private static void assertNoSession(HttpResponse<?> response) {
        assertThat(response.headers().allValues("Set-Cookie")).isEmpty();
        assertThat(response.headers().firstValue("Cache-Control").orElseThrow()).contains("public");
    }
}
