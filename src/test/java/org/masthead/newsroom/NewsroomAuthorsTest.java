package org.masthead.newsroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.masthead.Http;
import org.masthead.MastheadTest;
import org.masthead.WebSession;
import org.masthead.accounts.Role;
import org.masthead.accounts.TestAccounts;
import org.masthead.newsroom.internal.Slugs;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Editors add the authors that bylines name, and change their profiles, through the newsroom's pages. */
@MastheadTest
class NewsroomAuthorsTest {

    private static final Pattern LIVE_LINK = Pattern.compile("href=\"([^\"]+)\">See it on the site");
    private static final Pattern ADDED = Pattern.compile("/newsroom/authors/(\\d+)$");

    @LocalServerPort
    int port;

    @Autowired
    TestContent content;

    @Autowired
    TestAccounts accounts;

    Section section;
    WebSession editor;
    WebSession journalist;

    @BeforeEach
    void setUp() {
        section = content.section("Authors desk");
        editor = staff(Role.EDITOR);
        journalist = staff(Role.JOURNALIST);
    }

    @Test
    void anAddedAuthorCanBeBylinedAndAppearsOnTheArticleAndTheirOwnPage() {
        ImageRef photo = content.image("Rosa at her desk");
        String name = "Rosa Reporter " + TestContent.unique("n");
        String slug = Slugs.from(name);

        long id = add(Map.of(
                "name",
                name,
                "jobTitle",
                "Courts reporter",
                "bio",
                "Rosa covers the courts. <b>Not bold</b>",
                "photoId",
                String.valueOf(photo.id())));

        assertThat(editor.get("/newsroom/authors/" + id).body())
                .contains(name + " can be chosen as a byline now")
                .contains("/author/" + slug);
        assertThat(editor.get("/newsroom/authors").body())
                .as("listed, with no public page until they publish")
                .contains(name)
                .contains("Not yet")
                .doesNotContain("href=\"/author/" + slug + "\"");

        String headline = "Verdict due " + TestContent.unique("h");
        String path = publish(headline, name);

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            assertThat(new Http(port).get(path).body()).as("the byline").contains(name);
            HttpResponse<String> page = new Http(port).get("/author/" + slug);
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body())
                    .contains(name)
                    .contains("Courts reporter")
                    .as("the bio is plain text, as typed")
                    .contains("Rosa covers the courts. &lt;b&gt;Not bold&lt;/b&gt;")
                    .contains("/media/" + photo.id() + "/")
                    .contains(headline);
        });
        assertThat(editor.get("/newsroom/authors").body()).contains("href=\"/author/" + slug + "\"");
    }

    @Test
    void aChangedProfileShowsOnTheirPageAndBylinesWhileTheAddressStays() {
        String name = "Paul Pundit " + TestContent.unique("n");
        long id = add(Map.of("name", name, "jobTitle", "Columnist", "bio", "Opinions.", "photoId", ""));
        String path = publish("Column " + TestContent.unique("h"), name);
        String slug = Slugs.from(name);
        Http reader = new Http(port);
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(
                        () -> assertThat(reader.get("/author/" + slug).body()).contains("Columnist"));
        assertThat(reader.get(path).body()).contains(name);

        String renamed = "Paula Pundit " + TestContent.unique("n");
        HttpResponse<String> saved = editor.submit(
                "/newsroom/authors/" + id,
                "/newsroom/authors/" + id,
                Map.of("name", renamed, "jobTitle", "Chief columnist", "bio", "Better opinions.", "photoId", ""));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
        assertThat(editor.get(saved.headers().firstValue("Location").orElseThrow())
                        .body())
                .as("the same promise as the article editor's, from the cache's settings")
                .containsPattern(
                        "Saved. Their page and bylines show the change now, though a reader(&#39;|')s browser may show"
                                + " its earlier copy of a page for up to \\d+ minutes.");

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            assertThat(reader.get("/author/" + slug).body())
                    .as("the same address, the cached page dropped")
                    .contains(renamed)
                    .contains("Chief columnist")
                    .contains("Better opinions.");
            assertThat(reader.get(path).body()).contains(renamed).doesNotContain(name);
        });
    }

    @Test
    void badInputIsRefusedBesideEachFieldWithWhatWasTypedKeptAndChangesNothing() {
        String taken = content.author("Tess Taken " + TestContent.unique("n")).name();
        String longTitle = "t".repeat(101);
        editor.get("/newsroom/authors/new");
        HttpResponse<String> refused = editor.post(
                "/newsroom/authors",
                Map.of("name", "", "jobTitle", longTitle, "bio", "b".repeat(1_001), "photoId", "999999999"));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body())
                .contains("id=\"name-error\"")
                .contains("Keep the job title to 100 characters.")
                .contains("Keep the bio to 1000 characters.")
                .contains("There is no image 999999999 in the library.")
                .containsPattern("name=\"jobTitle\"[^>]*value=\"" + longTitle + "\"")
                .contains("maxlength=\"100\"");

        HttpResponse<String> sameName =
                editor.post("/newsroom/authors", Map.of("name", " " + taken.toUpperCase() + " ", "photoId", ""));
        assertThat(sameName.statusCode()).isEqualTo(400);
        assertThat(sameName.body()).contains("Another author is already called");
        HttpResponse<String> fullWidth =
                editor.post("/newsroom/authors", Map.of("name", "\uff34" + taken.substring(1), "photoId", ""));
        assertThat(fullWidth.body())
                .as("a full-width letter is the letter it stands for")
                .contains("Another author is already called");
        HttpResponse<String> lookalike =
                editor.post("/newsroom/authors", Map.of("name", "T\u0435ss Lookalike", "photoId", ""));
        assertThat(lookalike.statusCode()).isEqualTo(400);
        assertThat(lookalike.body()).contains("Use letters from one alphabet");

        HttpResponse<String> notANumber =
                editor.post("/newsroom/authors", Map.of("name", "Nora Number", "photoId", "x"));
        assertThat(notANumber.statusCode()).isEqualTo(400);
        assertThat(notANumber.body()).contains("Give the photo&#39;s number in the image library");
        assertThat(editor.get("/newsroom/authors").body()).doesNotContain("Nora Number");

        String name = "Eve Edited " + TestContent.unique("n");
        long id = add(Map.of("name", name, "jobTitle", "Sub-editor", "bio", "", "photoId", ""));
        HttpResponse<String> badEdit = editor.post(
                "/newsroom/authors/" + id,
                Map.of("name", " ", "jobTitle", "Chief sub-editor", "bio", "", "photoId", ""));
        assertThat(badEdit.statusCode()).isEqualTo(400);
        assertThat(badEdit.body())
                .contains("Give the author&#39;s name")
                .containsPattern("name=\"jobTitle\"[^>]*value=\"Chief sub-editor\"");
        assertThat(editor.get("/newsroom/authors/" + id).body())
                .as("nothing changed")
                .containsPattern("name=\"name\"[^>]*value=\"" + Pattern.quote(name) + "\"")
                .containsPattern("name=\"jobTitle\"[^>]*value=\"Sub-editor\"");
    }

    @Test
    void namesThatMakeTheSameAddressAreNumbered() {
        String suffix = TestContent.unique("n");
        long first = add(Map.of("name", "Ann O'Neil " + suffix, "photoId", ""));
        long second = add(Map.of("name", "Ann ONeil " + suffix, "photoId", ""));
        String slug = Slugs.from("Ann ONeil " + suffix);
        assertThat(editor.get("/newsroom/authors/" + first).body()).contains("/author/" + slug + "<");
        assertThat(editor.get("/newsroom/authors/" + second).body()).contains("/author/" + slug + "-2<");
    }

    @Test
    void journalistsAreNeitherShownNorLetIntoTheAuthorsPages() {
        assertThat(journalist.get("/newsroom").body()).doesNotContain("href=\"/newsroom/authors\"");
        assertThat(editor.get("/newsroom").body()).contains("href=\"/newsroom/authors\"");
        assertThat(journalist.get("/newsroom/authors").statusCode()).isEqualTo(403);
        HttpResponse<String> refused =
                journalist.post("/newsroom/authors", Map.of("name", "Jo Sneaky " + TestContent.unique("n")));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(editor.get("/newsroom/authors").body()).doesNotContain("Jo Sneaky");
    }

    /** Adds an author through the form; returns their id. */
    private long add(Map<String, String> fields) {
        HttpResponse<String> added = editor.submit("/newsroom/authors/new", "/newsroom/authors", fields);
        assertThat(added.statusCode()).as(added.body()).isEqualTo(302);
        Matcher id = ADDED.matcher(added.headers().firstValue("Location").orElseThrow());
        assertThat(id.find()).isTrue();
        return Long.parseLong(id.group(1));
    }

    /** Files an article bylined to the name, as the editor's form takes it, and publishes it; its address. */
    private String publish(String headline, String byline) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("headline", headline);
        fields.put("standfirst", "What it means.");
        fields.put("body", "Words.");
        fields.put("sectionId", String.valueOf(section.id()));
        fields.put("bylines", byline);
        HttpResponse<String> created = editor.submit("/newsroom/articles/new", "/newsroom/articles", fields);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
        String location = created.headers().firstValue("Location").orElseThrow();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        assertThat(editor.submit("/newsroom/articles/" + id, "/newsroom/articles/" + id + "/publish", Map.of())
                        .statusCode())
                .isEqualTo(302);
        Matcher link = LIVE_LINK.matcher(editor.get("/newsroom/articles/" + id).body());
        assertThat(link.find())
                .as("a published article links to itself on the site")
                .isTrue();
        return link.group(1);
    }

    private WebSession staff(Role role) {
        WebSession session = new WebSession(port);
        TestAccounts.signInWithBothFactors(session, accounts.create(true, role));
        return session;
    }
}
