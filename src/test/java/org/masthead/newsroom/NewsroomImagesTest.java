package org.masthead.newsroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.masthead.Http;
import org.masthead.MastheadTest;
import org.masthead.WebSession;
import org.masthead.accounts.Role;
import org.masthead.accounts.TestAccounts;
import org.masthead.platform.TestPictures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The image library as the newsroom uses it: uploads with their words and focal point, what is refused,
 * and the renditions the site serves from what was kept.
 */
@MastheadTest
class NewsroomImagesTest {

    private static final Pattern KEPT = Pattern.compile("/newsroom/images/(\\d+)$");

    @LocalServerPort
    int port;

    @Autowired
    TestAccounts accounts;

    @Autowired
    TestContent content;

    @Autowired
    ImageStore store;

    WebSession journalist;
    WebSession editor;
    Http http;
    Section pictureDesk;
    Author photographer;

    @BeforeEach
    void signIn() {
        journalist = new WebSession(port);
        TestAccounts.signInWithBothFactors(journalist, accounts.create(true, Role.JOURNALIST));
        editor = new WebSession(port);
        TestAccounts.signInWithBothFactors(editor, accounts.create(true, Role.EDITOR));
        http = new Http(port);
        pictureDesk = content.section("Picture desk");
        photographer = content.author("Pat Pictures " + unique());
    }

    HttpResponse<String> upload(Map<String, String> fields, String filename, String type, byte[] bytes) {
        journalist.get("/newsroom/images/new");
        return journalist.postFile("/newsroom/images", fields, "file", filename, type, bytes);
    }

    static Map<String, String> words(String alt, String caption) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("altText", alt);
        fields.put("caption", caption);
        fields.put("credit", "Photograph: Test Lens");
        fields.put("focalX", "50");
        fields.put("focalY", "50");
        return fields;
    }

    long kept(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
        Matcher id = KEPT.matcher(response.headers().firstValue("Location").orElseThrow());
        assertThat(id.find()).isTrue();
        return Long.parseLong(id.group(1));
    }

    BufferedImage served(String path, String type) {
        HttpResponse<byte[]> response = http.getBytes(path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue(type);
        return TestPictures.decode(response.body());
    }

    /** Words no other test uses, to find this test's images by. */
    static String unique() {
        return "w" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    @Test
    void photoTakenSidewaysIsKeptUprightWithNothingButItsPixelsAndServedAsWebpAndJpegAtEverySize() {
        byte[] photo = TestPictures.jpegWithExif(
                TestPictures.halves(900, 600, BufferedImage.TYPE_INT_RGB), 6, "Taken at 12 Hidden Lane");
        String word = unique();

        long id = kept(upload(words("Two colours side by side", "Caption " + word), "photo.jpg", "image/jpeg", photo));

        String page = journalist.get("/newsroom/images/" + id).body();
        assertThat(page).contains("Two colours side by side").contains("600 × 900 pixels");
        assertThat(page).contains("![Two colours side by side](/media/" + id + " &quot;Caption " + word + "&quot;)");
        // Turned a quarter clockwise, as the camera said: what was on the left is now at the top.
        BufferedImage webp = served("/media/" + id + "/480.webp", "image/webp");
        assertThat(webp.getWidth()).isEqualTo(480);
        assertThat(webp.getHeight()).isEqualTo(720);
        assertThat(TestPictures.near(webp.getRGB(240, 100), TestPictures.LEFT)).isTrue();
        assertThat(TestPictures.near(webp.getRGB(240, 620), TestPictures.RIGHT)).isTrue();
        HttpResponse<byte[]> jpeg = http.getBytes("/media/" + id + "/240.jpg");
        assertThat(jpeg.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        assertThat(new String(jpeg.body(), StandardCharsets.ISO_8859_1))
                .doesNotContain("Hidden Lane")
                .doesNotContain("Exif");
        assertThat(new String(store.read("masters/" + id + ".jpg").orElseThrow(), StandardCharsets.ISO_8859_1))
                .doesNotContain("Hidden Lane");
        // Every width it is at least as wide as, and its own; never wider.
        for (int width : new int[] {240, 320, 480, 600}) {
            assertThat(served("/media/" + id + "/" + width + ".jpg", "image/jpeg")
                            .getWidth())
                    .isEqualTo(width);
        }
        assertThat(http.getBytes("/media/" + id + "/640.webp").statusCode()).isEqualTo(404);
        assertThat(http.getBytes("/media/" + id + "/500.webp").statusCode()).isEqualTo(404);
    }

    @Test
    void renditionsAreMadeOnceKeptInTheStoreAndCachedByBrowsersForGood() {
        long id = kept(upload(
                words("A field of one colour", unique()),
                "field.png",
                "image/png",
                TestPictures.encode(TestPictures.halves(700, 400, BufferedImage.TYPE_INT_ARGB), "png")));
        assertThat(store.read("renditions/" + id + "/16x9-320.webp")).isEmpty();

        HttpResponse<byte[]> first = http.getBytes("/media/" + id + "/16x9/320.webp");

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("Cache-Control").orElseThrow())
                .contains("max-age=31536000")
                .contains("public")
                .contains("immutable");
        assertThat(store.read("renditions/" + id + "/16x9-320.webp"))
                .hasValueSatisfying(bytes -> assertThat(bytes).isEqualTo(first.body()));
        assertThat(http.getBytes("/media/" + id + "/16x9/320.webp").body()).isEqualTo(first.body());
        // WebP is the point: smaller than the JPEG of the same picture.
        assertThat(first.body().length)
                .isLessThan(http.getBytes("/media/" + id + "/16x9/320.jpg").body().length);
    }

    @Test
    void cropsStayCentredOnTheFocalPoint() {
        // A wide picture: red on the left 1000 pixels, blue on the right 600.
        BufferedImage wide = new BufferedImage(1600, 400, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = wide.createGraphics();
        g.setColor(TestPictures.LEFT);
        g.fillRect(0, 0, 1000, 400);
        g.setColor(TestPictures.RIGHT);
        g.fillRect(1000, 0, 600, 400);
        g.dispose();
        byte[] png = TestPictures.encode(wide, "png");
        Map<String, String> onTheRight = words("Blue on the right", unique());
        onTheRight.put("focalX", "90");
        Map<String, String> onTheLeft = words("Red on the left", unique());
        onTheLeft.put("focalX", "10");

        long right = kept(upload(onTheRight, "wide.png", "image/png", png));
        long left = kept(upload(onTheLeft, "wide.png", "image/png", png));

        BufferedImage rightCrop = served("/media/" + right + "/16x9/320.jpg", "image/jpeg");
        BufferedImage leftCrop = served("/media/" + left + "/16x9/320.jpg", "image/jpeg");
        BufferedImage square = served("/media/" + right + "/1x1/320.jpg", "image/jpeg");
        assertThat(rightCrop.getHeight()).isEqualTo(180);
        assertThat(TestPictures.near(rightCrop.getRGB(160, 90), TestPictures.RIGHT))
                .isTrue();
        assertThat(TestPictures.near(rightCrop.getRGB(300, 90), TestPictures.RIGHT))
                .isTrue();
        assertThat(TestPictures.near(leftCrop.getRGB(160, 90), TestPictures.LEFT))
                .isTrue();
        assertThat(TestPictures.near(leftCrop.getRGB(300, 90), TestPictures.LEFT))
                .isTrue();
        assertThat(square.getHeight()).isEqualTo(320);
        assertThat(TestPictures.near(square.getRGB(160, 160), TestPictures.RIGHT))
                .isTrue();
        // The picture as taken is not cut at all.
        BufferedImage whole = served("/media/" + right + "/320.jpg", "image/jpeg");
        assertThat(whole.getHeight()).isEqualTo(80);
        assertThat(TestPictures.near(whole.getRGB(10, 40), TestPictures.LEFT)).isTrue();
    }

    @Test
    void uploadWithoutAltTextIsRefusedWithAFieldErrorAndKeepsNothing() {
        String word = unique();

        HttpResponse<String> refused = upload(
                words("  ", "Caption " + word),
                "photo.png",
                "image/png",
                TestPictures.encode(TestPictures.halves(400, 300, BufferedImage.TYPE_INT_RGB), "png"));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body())
                .contains("Describe what the image shows, for readers who cannot see it.")
                .contains("id=\"altText-error\"")
                .contains("Caption " + word);
        assertThat(librarySearch(word)).doesNotContain("\"id\"");
    }

    @Test
    void fileThatIsNotAPictureOrOfAnotherKindIsRefusedWithAFieldErrorAndKeepsNothing() {
        String word = unique();

        HttpResponse<String> text = upload(
                words("Not a picture", word),
                "notes.jpg",
                "image/jpeg",
                "Just some words.".getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> gif = upload(
                words("A GIF", word),
                "moving.gif",
                "image/gif",
                TestPictures.encode(TestPictures.halves(40, 30, BufferedImage.TYPE_INT_RGB), "gif"));
        HttpResponse<String> none = upload(words("Nothing chosen", word), "", "application/octet-stream", new byte[0]);

        assertThat(text.statusCode()).isEqualTo(400);
        assertThat(text.body())
                .contains("We could not read that file as a picture.")
                .contains("id=\"file-error\"");
        assertThat(gif.statusCode()).isEqualTo(400);
        assertThat(gif.body()).contains("That kind of picture is not one we take. Use a JPEG, PNG or WebP.");
        assertThat(none.statusCode()).isEqualTo(400);
        assertThat(none.body()).contains("Choose a JPEG, PNG or WebP picture to upload.");
        assertThat(librarySearch(word)).doesNotContain("\"id\"");
    }

    @Test
    void uploadOverTheLimitIsRefusedWith413AndAMessageOnTheForm() {
        String word = unique();
        byte[] large = new byte[6 * 1024 * 1024];
        new java.util.Random(7).nextBytes(large);

        HttpResponse<String> refused = upload(words("Too big", word), "big.jpg", "image/jpeg", large);

        assertThat(refused.statusCode()).isEqualTo(413);
        assertThat(refused.body()).contains("That file is larger than 5 MB.");
        assertThat(librarySearch(word)).doesNotContain("\"id\"");
    }

    @Test
    void pictureDeclaringMorePixelsThanAnyCameraOrAFocalPointOffThePictureIsRefused() {
        String word = unique();
        Map<String, String> offThePicture = words("Off the picture", word);
        offThePicture.put("focalX", "150");
        Map<String, String> notANumber = words("Not a number", word);
        notANumber.put("focalY", "middle");
        byte[] png = TestPictures.encode(TestPictures.halves(40, 30, BufferedImage.TYPE_INT_RGB), "png");

        HttpResponse<String> huge =
                upload(words("Huge", word), "huge.png", "image/png", TestPictures.pngDeclaring(20_000, 20_000));
        HttpResponse<String> off = upload(offThePicture, "small.png", "image/png", png);
        HttpResponse<String> typo = upload(notANumber, "small.png", "image/png", png);

        assertThat(huge.statusCode()).isEqualTo(400);
        assertThat(huge.body()).contains("That picture has too many pixels for us to handle.");
        assertThat(off.statusCode()).isEqualTo(400);
        assertThat(off.body()).contains("Give the focal point as a percentage across the picture, from 0 to 100.");
        assertThat(typo.statusCode()).isEqualTo(400);
        assertThat(typo.body()).contains("Give a number from 0 to 100, or click the picture.");
        assertThat(librarySearch(word)).doesNotContain("\"id\"");
    }

    @Test
    void libraryFindsImagesByCaptionAltTextOrCreditAndTheWordsBeginnings() {
        String word = unique();
        long id = kept(upload(
                words("Lifeboat crew " + word + " at the slipway", "Launching at dawn by the B-7302"),
                "crew.png",
                "image/png",
                TestPictures.encode(TestPictures.halves(400, 300, BufferedImage.TYPE_INT_RGB), "png")));

        assertThat(journalist.get("/newsroom/images?q=" + word.substring(0, 8)).body())
                .contains("/newsroom/images/" + id + "\"");
        assertThat(librarySearch("lifeboat " + word))
                .contains("\"id\":" + id)
                .contains("\"markdown\":\"![Lifeboat crew " + word + " at the slipway](/media/" + id
                        + " \\\"Launching at dawn by the B-7302\\\")\"");
        assertThat(librarySearch(word + " b-7302")).contains("\"id\":" + id);
        assertThat(librarySearch(word + " nowhere")).doesNotContain("\"id\"");
        assertThat(journalist.get("/newsroom/images?q=%22%27%3A*%26%21").statusCode())
                .isEqualTo(200);
    }

    @Test
    void editorChoosesAMainImageFromTheLibraryAndPutsAnotherInTheBodyWithItsCaption() {
        long main = harbourAtDusk();
        long inline = gullsOverTheQuay();

        HttpResponse<String> unknown =
                editor.submit("/newsroom/articles/new", "/newsroom/articles", storyWith(99999999, inline));
        String article = http.get(published(main, inline)).body();

        assertThat(unknown.body()).contains("There is no image 99999999 in the library.");
        assertThat(article)
                .contains("<source type=\"image/webp\" srcset=\"/media/" + main + "/240.webp 240w, ")
                .contains("fetchpriority=\"high\"")
                .containsPattern("width=\"1200\" height=\"800\"\\s+alt=\"Harbour at dusk\" fetchpriority=\"high\"")
                .contains("<figure class=\"figure\"><picture><source type=\"image/webp\" srcset=\"/media/" + inline
                        + "/240.webp 240w , ")
                .contains("alt=\"Gulls over the quay\" loading=\"lazy\" decoding=\"async\"")
                .contains(
                        "<figcaption>Gulls wait for the boats <span class=\"figure__credit\">Photograph: Test Lens</span>")
                .doesNotContain("tracker.example");
        assertThat(countOf(article, "fetchpriority=\"high\"")).isEqualTo(1);
    }

    @Test
    void changedWordsOfAnImageShowAtOnceInEveryStoryThatShowsIt() {
        long main = harbourAtDusk();
        long inline = gullsOverTheQuay();
        String path = published(main, inline);
        assertThat(http.get(path).body()).contains("Photograph: Test Lens");

        journalist.get("/newsroom/images/" + main);
        HttpResponse<String> blank = journalist.post(
                "/newsroom/images/" + main, Map.of("altText", " ", "caption", "", "credit", "Photograph: Nobody"));
        journalist.get("/newsroom/images/" + inline);
        HttpResponse<String> credited = journalist.post(
                "/newsroom/images/" + inline,
                Map.of("altText", "Gulls over the quay", "caption", "Gulls wait", "credit", "Photograph: Gail Gull"));
        journalist.get("/newsroom/images/" + main);
        HttpResponse<String> described = journalist.post(
                "/newsroom/images/" + main,
                Map.of("altText", "The harbour wall at dusk in winter", "caption", "", "credit", ""));

        assertThat(blank.statusCode()).isEqualTo(400);
        assertThat(blank.body()).contains("Describe what the image shows, for readers who cannot see it.");
        assertThat(credited.statusCode()).isEqualTo(302);
        assertThat(described.statusCode()).isEqualTo(302);
        assertThat(journalist.get("/newsroom/images/" + inline).body())
                .contains("Words changed. Stories that show the image show them now.");
        String article = http.get(path).body();
        assertThat(article)
                .contains("alt=\"The harbour wall at dusk in winter\" fetchpriority=\"high\"")
                .contains(
                        "<figcaption>Gulls wait for the boats <span class=\"figure__credit\">Photograph: Gail Gull</span>")
                .doesNotContain("Photograph: Nobody")
                .doesNotContain("Photograph: Test Lens");
    }

    long harbourAtDusk() {
        return kept(upload(
                words("Harbour at dusk", "The harbour wall at dusk"),
                "harbour.png",
                "image/png",
                TestPictures.encode(TestPictures.halves(1200, 800, BufferedImage.TYPE_INT_RGB), "png")));
    }

    long gullsOverTheQuay() {
        return kept(upload(
                words("Gulls over the quay", "Gulls wait for the boats"),
                "gulls.png",
                "image/png",
                TestPictures.encode(TestPictures.halves(800, 600, BufferedImage.TYPE_INT_RGB), "png")));
    }

    /** A story with a main image and another in its body, with its own caption there. */
    Map<String, String> storyWith(long main, long inline) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("headline", "Harbour reopens " + unique());
        fields.put("standfirst", "Boats are back.");
        fields.put(
                "body",
                "The quay was busy.\n\n![Gulls over the quay](/media/" + inline
                        + " \"Gulls wait for the boats\")\n\n![A tracker](https://tracker.example/p.gif)");
        fields.put("sectionId", String.valueOf(pictureDesk.id()));
        fields.put("bylines", photographer.name());
        fields.put("commentsEnabled", "true");
        fields.put("mainImageId", String.valueOf(main));
        return fields;
    }

    /** Publishes {@link #storyWith} as an editor; its address on the site. */
    String published(long main, long inline) {
        HttpResponse<String> created =
                editor.submit("/newsroom/articles/new", "/newsroom/articles", storyWith(main, inline));
        assertThat(created.statusCode()).isEqualTo(302);
        String location = created.headers().firstValue("Location").orElseThrow();
        assertThat(editor.get(location).body()).contains("name=\"mainImageId\" min=\"1\" value=\"" + main + "\"");
        editor.get(location);
        assertThat(editor.post(location + "/publish", Map.of()).statusCode()).isEqualTo(302);
        Matcher onTheSite = Pattern.compile("<a href=\"([^\"]+)\">See it on the site</a>")
                .matcher(editor.get(location).body());
        assertThat(onTheSite.find()).isTrue();
        return onTheSite.group(1);
    }

    @Test
    void homePagesLeadPictureIsFetchedFirstAndEveryOtherLazilyEachWithItsSize() {
        Section section = content.section("Front desk");
        content.article(section).image(content.image("An older picture")).published();
        content.article(section).image(content.image("The lead picture")).published();

        String home = http.get("/").body();

        assertThat(countOf(home, "fetchpriority=\"high\"")).isEqualTo(1);
        Matcher lead = Pattern.compile("<img [^>]*fetchpriority=\"high\"[^>]*>").matcher(home);
        assertThat(lead.find()).isTrue();
        assertThat(lead.group()).contains("alt=\"The lead picture\"").doesNotContain("loading=");
        Matcher images = Pattern.compile("<img [^>]*>").matcher(home);
        while (images.find()) {
            assertThat(images.group()).containsPattern("width=\"\\d+\" height=\"\\d+\"");
            if (!images.group().contains("fetchpriority")) {
                assertThat(images.group()).contains("loading=\"lazy\"");
            }
        }
        assertThat(home).contains("<source type=\"image/webp\" srcset=\"/media/");
    }

    String librarySearch(String words) {
        HttpResponse<String> response = journalist.get(
                "/newsroom/images/search?q=" + java.net.URLEncoder.encode(words, StandardCharsets.UTF_8));
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    static int countOf(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }
}
