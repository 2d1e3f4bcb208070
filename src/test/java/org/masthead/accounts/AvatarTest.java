package org.masthead.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.masthead.Http;
import org.masthead.MastheadTest;
import org.masthead.WebSession;
import org.masthead.platform.TestPictures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@MastheadTest
class AvatarTest {

    private static final Pattern PICTURE = Pattern.compile("src=\"/avatar/(\\d+)/256\\.jpg\\?v=(\\d+)\"");

    @LocalServerPort
    int port;

    @Autowired
    TestAccounts accounts;

    TestAccounts.Credentials account;
    WebSession reader;
    Http http;

    @BeforeEach
    void signIn() {
        account = accounts.create(true);
        reader = new WebSession(port);
        TestAccounts.signIn(reader, account);
        http = new Http(port);
    }

    /** Uploads with the form on the profile page, the rest of the profile as it was. */
    HttpResponse<String> upload(String filename, String contentType, byte[] bytes) {
        reader.get("/account/profile");
        return reader.postFile(
                "/account/profile",
                Map.of("displayName", account.displayName()),
                "avatar",
                filename,
                contentType,
                bytes);
    }

    /** The address of one size of the reader's current picture, as their profile page shows it. */
    String picture(int size) {
        Matcher picture = PICTURE.matcher(reader.get("/account/profile").body());
        assertThat(picture.find()).as("a picture on the profile page").isTrue();
        assertThat(picture.group(1)).isEqualTo(String.valueOf(account.id()));
        return "/avatar/" + account.id() + "/" + size + ".jpg?v=" + picture.group(2);
    }

    BufferedImage served(int size) {
        HttpResponse<byte[]> response = http.getBytes(picture(size));
        assertThat(response.statusCode()).isEqualTo(200);
        return TestPictures.decode(response.body());
    }

    @Test
    void photoWithExifIsServedAsSquareJpegsAtStandardSizesWithNothingButPixels() {
        byte[] photo = TestPictures.jpegWithExif(
                TestPictures.halves(900, 600, BufferedImage.TYPE_INT_RGB), 1, "Taken at 12 Hidden Lane");
        assertThat(new String(photo, StandardCharsets.ISO_8859_1))
                .contains("Exif")
                .contains("Hidden Lane");

        HttpResponse<String> uploaded = upload("holiday.jpg", "image/jpeg", photo);

        assertThat(uploaded.statusCode()).isEqualTo(302);
        assertThat(uploaded.headers().firstValue("Location").orElseThrow()).endsWith("/account/profile");
        assertThat(reader.get("/account/profile").body()).contains("Your profile is saved.");
        for (int size : new int[] {64, 128, 256}) {
            HttpResponse<byte[]> response = http.getBytes(picture(size));
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("image/jpeg");
            assertThat(response.headers().firstValue("Cache-Control").orElseThrow())
                    .contains("immutable");
            String bytes = new String(response.body(), StandardCharsets.ISO_8859_1);
            assertThat(bytes)
                    .as("the %dpx picture's bytes", size)
                    .doesNotContain("Exif")
                    .doesNotContain("Hidden Lane");
            BufferedImage image = TestPictures.decode(response.body());
            assertThat(image.getWidth()).isEqualTo(size);
            assertThat(image.getHeight()).isEqualTo(size);
        }
        BufferedImage large = served(256);
        assertThat(TestPictures.near(large.getRGB(30, 128), TestPictures.LEFT)).isTrue();
        assertThat(TestPictures.near(large.getRGB(226, 128), TestPictures.RIGHT))
                .isTrue();
    }

    @Test
    void photoTakenSidewaysIsTurnedTheWayTheCameraSays() {
        // Stored with red on the left; EXIF orientation 6 says to turn it a quarter clockwise to show it.
        byte[] photo =
                TestPictures.jpegWithExif(TestPictures.halves(900, 600, BufferedImage.TYPE_INT_RGB), 6, "A portrait");

        upload("portrait.jpg", "image/jpeg", photo);

        BufferedImage shown = served(256);
        assertThat(TestPictures.near(shown.getRGB(128, 30), TestPictures.LEFT))
                .as("red at the top")
                .isTrue();
        assertThat(TestPictures.near(shown.getRGB(128, 226), TestPictures.RIGHT))
                .as("blue at the bottom")
                .isTrue();
    }

    @Test
    void pngWithTransparencyIsAcceptedOnWhite() {
        BufferedImage image = TestPictures.halves(400, 400, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < 400; y++) {
            for (int x = 200; x < 400; x++) {
                image.setRGB(x, y, 0x00000000);
            }
        }

        assertThat(upload("me.png", "image/png", TestPictures.encode(image, "png"))
                        .statusCode())
                .isEqualTo(302);

        BufferedImage shown = served(256);
        assertThat(TestPictures.near(shown.getRGB(30, 128), TestPictures.LEFT)).isTrue();
        assertThat(TestPictures.near(shown.getRGB(226, 128), Color.WHITE)).isTrue();
    }

    @Test
    void webpIsAccepted() {
        assertThat(upload("me.webp", "image/webp", TestPictures.webp()).statusCode())
                .isEqualTo(302);

        BufferedImage shown = served(128);
        assertThat(shown.getWidth()).isEqualTo(128);
        assertThat(TestPictures.near(shown.getRGB(15, 64), new Color(30, 160, 60)))
                .isTrue();
        assertThat(TestPictures.near(shown.getRGB(113, 64), new Color(240, 140, 20)))
                .isTrue();
    }

    @Test
    void textFileNamedLikeAPictureIsRefusedWithAFieldError() {
        HttpResponse<String> refused =
                upload("photo.jpg", "image/jpeg", "Not a picture at all, just words.".getBytes(StandardCharsets.UTF_8));

        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body())
                .contains("There is a problem")
                .contains("We could not read that file as a picture. Use a JPEG, PNG or WebP image.")
                .contains("field--error")
                .contains("You have no picture yet.");
    }

    @Test
    void otherKindsOfPictureAreRefused() {
        byte[] gif = TestPictures.encode(TestPictures.halves(60, 60, BufferedImage.TYPE_INT_RGB), "gif");

        HttpResponse<String> refused = upload("moving.gif", "image/gif", gif);

        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("That kind of picture is not one we take. Use a JPEG, PNG or WebP.");
    }

    @Test
    void pictureDeclaringMorePixelsThanAnyCameraMakesIsRefusedUnread() {
        HttpResponse<String> refused = upload("huge.png", "image/png", TestPictures.pngDeclaring(20_000, 20_000));

        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("That picture has too many pixels");
    }

    @Test
    void uploadOverFiveMegabytesIsRefusedWith413AndAMessageOnTheForm() {
        for (int size : new int[] {5 * 1024 * 1024 + 1, 6 * 1024 * 1024}) {
            HttpResponse<String> refused = upload("big.jpg", "image/jpeg", randomBytes(size));

            assertThat(refused.statusCode()).as("%d bytes", size).isEqualTo(413);
            assertThat(refused.body())
                    .contains("<h1>Your profile</h1>")
                    .contains("That file is larger than 5 MB.")
                    .contains("field--error");
        }
        assertThat(reader.get("/account/profile").body()).contains("You have no picture yet.");
    }

    @Test
    void uploadTooLargeToReadAtAllGets413PageWithAMessageNotAResetConnection() {
        HttpResponse<String> refused = upload("huge.jpg", "image/jpeg", randomBytes(12 * 1024 * 1024));

        assertThat(refused.statusCode()).isEqualTo(413);
        assertThat(refused.body())
                .contains("What you sent is larger than we accept.")
                .doesNotContain("Exception");
        assertThat(reader.get("/account/profile").statusCode())
                .as("the reader is still signed in")
                .isEqualTo(200);
    }

    private static byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }

    @Test
    void savingTheProfileWithoutChoosingAFileKeepsThePicture() {
        upload("me.webp", "image/webp", TestPictures.webp());
        String before = picture(128);

        HttpResponse<String> saved = upload("", "application/octet-stream", new byte[0]);

        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(picture(128)).isEqualTo(before);
    }

    @Test
    void aRefusedPictureSavesNothingAndKeepsWhatWasTyped() {
        reader.get("/account/profile");
        HttpResponse<String> refused = reader.postFile(
                "/account/profile",
                Map.of("displayName", account.displayName(), "bio", "Typed before choosing a picture."),
                "avatar",
                "photo.jpg",
                "image/jpeg",
                "Not a picture at all.".getBytes(StandardCharsets.UTF_8));

        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body())
                .contains("We could not read that file as a picture.")
                .contains("Typed before choosing a picture.");
        assertThat(reader.get("/account/profile").body()).doesNotContain("Typed before choosing a picture.");
    }

    @Test
    void newPictureHasANewAddressAndRemovingItLeavesNone() {
        upload(
                "one.png",
                "image/png",
                TestPictures.encode(TestPictures.halves(100, 100, BufferedImage.TYPE_INT_RGB), "png"));
        String first = picture(128);
        upload("two.webp", "image/webp", TestPictures.webp());
        String second = picture(128);

        assertThat(second).isNotEqualTo(first);
        HttpResponse<byte[]> old = http.getBytes(first);
        assertThat(old.statusCode())
                .as("an old address shows the current picture")
                .isEqualTo(200);
        assertThat(old.body()).isEqualTo(http.getBytes(second).body());
        assertThat(old.headers().firstValue("Cache-Control").orElseThrow()).doesNotContain("immutable");

        reader.submit(
                "/account/profile",
                "/account/profile",
                Map.of("displayName", account.displayName(), "removePicture", "true"));

        assertThat(reader.get("/account/profile").body()).contains("You have no picture yet.");
        assertThat(http.getBytes(second).statusCode()).isEqualTo(404);
        assertThat(http.getBytes("/avatar/" + account.id() + "/128.jpg").statusCode())
                .isEqualTo(404);
    }

    @Test
    void onlyTheStandardSizesExist() {
        upload("me.webp", "image/webp", TestPictures.webp());

        assertThat(http.getBytes(picture(100)).statusCode()).isEqualTo(404);
        assertThat(http.getBytes("/avatar/999999999/128.jpg").statusCode()).isEqualTo(404);
    }
}
