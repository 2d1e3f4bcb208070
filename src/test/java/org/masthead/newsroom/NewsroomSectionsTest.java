package org.masthead.newsroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.masthead.Http;
import org.masthead.MastheadTest;
import org.masthead.SecondNode;
import org.masthead.WebSession;
import org.masthead.accounts.Role;
import org.masthead.accounts.TestAccounts;
import org.masthead.newsroom.internal.Slugs;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Editors add the paper's sections and change them through the newsroom's pages: a site started
 * empty can publish once it has one.
 */
@MastheadTest
class NewsroomSectionsTest {

    private static final Pattern LIVE_LINK = Pattern.compile("href=\"([^\"]+)\">See it on the site");
    private static final Pattern ADDED = Pattern.compile("/newsroom/sections/(\\d+)$");

    @LocalServerPort
    int port;

    @Autowired
    TestContent content;

    @Autowired
    TestAccounts accounts;

    @Autowired
    HikariDataSource dataSource;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlers;

    WebSession editor;
    WebSession journalist;
    Http reader;

    @BeforeEach
    void setUp() {
        editor = staff(Role.EDITOR);
        journalist = staff(Role.JOURNALIST);
        reader = new Http(port);
    }

    @Test
    void anAddedSectionIsInTheMenuWithItsPageAndFeedAndTakesArticlesAtOnce() {
        // Pages readers already had, kept in the page cache: the menu on them must change too.
        assertThat(reader.get("/").statusCode()).isEqualTo(200);
        assertThat(reader.get("/privacy").statusCode()).isEqualTo(200);
        String name = "Harbours " + TestContent.unique("n");
        String slug = Slugs.from(name);

        long id = add(Map.of(
                "name",
                name,
                "slug",
                "",
                "description",
                "  Boats,\n and <b>the sea</b>  ",
                "parentId",
                "",
                "position",
                ""));

        assertThat(editor.get("/newsroom/sections/" + id).body())
                .as("what readers will find, and when")
                .contains("Added. Articles can be filed in " + name + " now.")
                .contains("It is in the site&#39;s menu")
                .contains("/" + slug + "/rss")
                .containsPattern("browser may show its earlier copy of a page for up to \\d+ minutes");
        assertThat(editor.get("/newsroom/articles/new").body())
                .as("the article editor offers it at once")
                .contains(">" + name + "</option>");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(reader.get("/").body()).contains("href=\"/" + slug + "\">" + name + "<");
            assertThat(reader.get("/privacy").body())
                    .as("every page shows the menu")
                    .contains("href=\"/" + slug + "\">" + name + "<");
        });
        HttpResponse<String> page = reader.get("/" + slug);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains(name)
                .as("plain text, its spaces tidied")
                .contains("Boats, and &lt;b&gt;the sea&lt;/b&gt;");
        assertThat(reader.get("/" + slug + "/rss").body()).contains("<title>" + name);

        String headline = "Ferry timetable changes " + TestContent.unique("h");
        String path = publish(headline, id);
        assertThat(path).startsWith("/" + slug + "/");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(reader.get(path).body()).contains(headline);
            assertThat(reader.get("/" + slug).body()).contains(headline);
            assertThat(reader.get("/" + slug + "/rss").body()).contains(headline);
        });

        String list = editor.get("/newsroom/sections").body();
        assertThat(row(list, name))
                .contains("The menu")
                .contains("href=\"/" + slug + "\"")
                .containsPattern("<td>1</td>\\s*</tr>");
        assertThat(editor.get("/newsroom/log").body())
                .contains("added the section")
                .contains(name + " section");
    }

    @Test
    void aSectionInsideAnotherIsListedOnItsPageAndServedUnderItsAddress() {
        String parentName = "Regions " + TestContent.unique("n");
        long parentId = add(Map.of("name", parentName, "slug", "", "description", "", "parentId", "", "position", ""));
        String parentSlug = Slugs.from(parentName);
        long id = add(Map.of(
                "name",
                "North Coast",
                "slug",
                "north-coast",
                "description",
                "",
                "parentId",
                String.valueOf(parentId),
                "position",
                "2"));
        assertThat(editor.get("/newsroom/sections/" + id).body())
                .contains("It is listed on " + parentName + "&#39;s page")
                .contains("/" + parentSlug + "/north-coast");

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(reader.get("/" + parentSlug).body())
                        .contains("href=\"/" + parentSlug + "/north-coast\">North Coast<"));
        assertThat(reader.get("/" + parentSlug + "/north-coast").statusCode()).isEqualTo(200);
        String path = publish("Lighthouse relit " + TestContent.unique("h"), id);
        assertThat(path).startsWith("/" + parentSlug + "/north-coast/");
        assertThat(row(editor.get("/newsroom/sections").body(), "North Coast</a>", parentName))
                .contains(">" + parentName + "<");

        HttpResponse<String> deeper = editor.submit(
                "/newsroom/sections/new",
                "/newsroom/sections",
                Map.of("name", "Too deep", "parentId", String.valueOf(id)));
        assertThat(deeper.statusCode()).isEqualTo(400);
        assertThat(deeper.body()).contains("Sections sit one level deep");
    }

    @Test
    void aChangedSectionShowsItsNewNameAndPlaceEverywhereWhileItsAddressStays() {
        String before = "Isles " + TestContent.unique("n");
        String slug = Slugs.from(before);
        long id = add(Map.of("name", before, "slug", "", "description", "Islands.", "parentId", "", "position", "998"));
        String other = "Lochs " + TestContent.unique("n");
        add(Map.of("name", other, "slug", "", "description", "", "parentId", "", "position", "998"));
        String path = publish("Causeway reopens " + TestContent.unique("h"), id);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(reader.get(path).body()).contains(">" + before + "<");
            String home = reader.get("/").body();
            assertThat(home.indexOf(">" + before + "<")).isPositive().isLessThan(home.indexOf(">" + other + "<"));
        });
        assertThat(editor.get("/newsroom/sections/" + id).body())
                .as("the address and the parent are not in the form")
                .doesNotContain("name=\"slug\"")
                .doesNotContain("name=\"parentId\"")
                .contains("The address never changes");

        String after = "Islands " + TestContent.unique("n");
        HttpResponse<String> saved = editor.submit(
                "/newsroom/sections/" + id,
                "/newsroom/sections/" + id,
                Map.of(
                        "name",
                        after,
                        "description",
                        "The islands and their ferries.",
                        "position",
                        "999",
                        // Not in the form; sent anyway, it changes nothing.
                        "slug",
                        "elsewhere",
                        "parentId",
                        "1"));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
        assertThat(editor.get(saved.headers().firstValue("Location").orElseThrow())
                        .body())
                .containsPattern("Saved. The site(&#39;|')s menu and pages show the change now, though a reader"
                        + "(&#39;|')s browser may show its earlier copy of a page for up to \\d+ minutes.");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            String home = reader.get("/").body();
            assertThat(home)
                    .as("renamed in the menu, at the same address")
                    .contains("href=\"/" + slug + "\">" + after + "<")
                    .doesNotContain(">" + before + "<");
            assertThat(home.indexOf(">" + after + "<"))
                    .as("after the other now")
                    .isGreaterThan(home.indexOf(">" + other + "<"));
            assertThat(reader.get(path).body())
                    .as("the article's page names its section anew")
                    .contains(">" + after + "<")
                    .doesNotContain(">" + before + "<");
            assertThat(reader.get("/" + slug).body()).contains(after).contains("The islands and their ferries.");
        });
        assertThat(reader.get(path).statusCode())
                .as("the article's address stays")
                .isEqualTo(200);
        assertThat(editor.get("/newsroom/log").body())
                .contains("changed the section")
                .contains("name " + before + " → " + after + "; description; place 998 → 999");

        HttpResponse<String> unchanged = editor.submit(
                "/newsroom/sections/" + id,
                "/newsroom/sections/" + id,
                Map.of("name", after, "description", "The islands and their ferries.", "position", "999"));
        assertThat(editor.get(unchanged.headers().firstValue("Location").orElseThrow())
                        .body())
                .contains("Nothing had changed.");
    }

    @Test
    void badInputIsRefusedBesideEachFieldWithWhatWasTypedKeptAndAddsNothing() {
        editor.get("/newsroom/sections/new");
        String longDescription = "d".repeat(301);
        HttpResponse<String> refused = editor.post(
                "/newsroom/sections",
                Map.of(
                        "name",
                        "  ",
                        "slug",
                        "Bad Slug!",
                        "description",
                        longDescription,
                        "parentId",
                        "999999999",
                        "position",
                        "first"));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body())
                .contains("There is a problem")
                .contains("id=\"name-error\"")
                .contains("Give the section&#39;s name")
                .contains("id=\"slug-error\"")
                .contains("Use lower-case letters and digits joined by single hyphens")
                .containsPattern("name=\"slug\"[^>]*value=\"Bad Slug!\"")
                .contains("id=\"description-error\"")
                .contains("Keep the description to 300 characters.")
                .contains(">" + longDescription + "</textarea>")
                .contains("id=\"parentId-error\"")
                .contains("That section is no longer there")
                .contains("id=\"position-error\"")
                .contains("Give its place as a whole number from 1 to 999")
                .containsPattern("name=\"position\"[^>]*value=\"first\"")
                .contains("maxlength=\"60\"");

        String name = "Kept " + TestContent.unique("n");
        HttpResponse<String> tooLong = editor.post(
                "/newsroom/sections",
                Map.of("name", "n".repeat(61), "slug", "fine-" + TestContent.unique("s"), "position", "1000"));
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(tooLong.body()).contains("Keep the name to 60 characters").contains("from 1 to 999");
        HttpResponse<String> zero =
                editor.post("/newsroom/sections", Map.of("name", name, "slug", "", "position", "0"));
        assertThat(zero.statusCode()).isEqualTo(400);
        assertThat(zero.body())
                .contains("from 1 to 999")
                .containsPattern("name=\"name\"[^>]*value=\"" + Pattern.quote(name) + "\"");

        for (String reserved : new String[] {"admin", "newsroom", "rss", "asks"}) {
            HttpResponse<String> kept = editor.post("/newsroom/sections", Map.of("name", name, "slug", reserved));
            assertThat(kept.statusCode()).isEqualTo(400);
            assertThat(kept.body()).contains("The address " + reserved + " is one the site keeps for its own pages");
        }
        HttpResponse<String> home = editor.post("/newsroom/sections", Map.of("name", name, "slug", "home"));
        assertThat(home.statusCode()).isEqualTo(400);
        assertThat(home.body()).contains("The address home is the home page");
        HttpResponse<String> madeReserved = editor.post("/newsroom/sections", Map.of("name", "Search", "slug", ""));
        assertThat(madeReserved.body()).contains("The address made from the name, search, is one the site keeps");
        HttpResponse<String> nothingToMake = editor.post("/newsroom/sections", Map.of("name", "!!! ???"));
        assertThat(nothingToMake.statusCode()).isEqualTo(400);
        assertThat(nothingToMake.body()).contains("The name has no letters or digits to make an address from");
        HttpResponse<String> twoParents = editor.postRaw(
                "/newsroom/sections?parentId=1", Map.of("name", name, "parentId", "2", "_csrf", csrf(editor)));
        assertThat(twoParents.statusCode()).as("never a 500").isEqualTo(400);

        assertThat(editor.get("/newsroom/sections").body()).doesNotContain(name);

        long id = add(Map.of("name", name, "slug", "", "description", "As added.", "position", "5"));
        HttpResponse<String> badEdit = editor.submit(
                "/newsroom/sections/" + id,
                "/newsroom/sections/" + id,
                Map.of("name", "", "description", "Changed words.", "position", "-3"));
        assertThat(badEdit.statusCode()).isEqualTo(400);
        assertThat(badEdit.body())
                .contains("Give the section&#39;s name")
                .contains("from 1 to 999")
                .contains(">Changed words.</textarea>")
                .containsPattern("name=\"position\"[^>]*value=\"-3\"");
        assertThat(editor.get("/newsroom/sections/" + id).body())
                .as("nothing changed")
                .containsPattern("name=\"name\"[^>]*value=\"" + Pattern.quote(name) + "\"")
                .contains(">As added.</textarea>")
                .containsPattern("name=\"position\"[^>]*value=\"5\"");
    }

    @Test
    void everyAddressTheSiteServesAtTheTopIsKeptFromSections() {
        Set<String> served = new TreeSet<>();
        handlers.getHandlerMethods().keySet().forEach(mapping -> mapping.getPatternValues()
                .forEach(pattern -> {
                    String first = pattern.replaceFirst("^/", "").split("/")[0];
                    // A slug has no dot (robots.txt, sw.js) and no variable ({section}).
                    if (first.matches("[a-z0-9]+(?:-[a-z0-9]+)*")) {
                        served.add(first);
                    }
                }));

        assertThat(served)
                .as("a section there would be shadowed by the site's own page: /asks/next answered JSON")
                .contains("asks", "newsroom")
                .allMatch(SectionPaths::isReserved);
    }

    @Test
    void aTakenAddressOrNameIsRefused() {
        String name = "Fisheries " + TestContent.unique("n");
        String slug = Slugs.from(name);
        long id = add(Map.of("name", name));

        HttpResponse<String> again =
                editor.submit("/newsroom/sections/new", "/newsroom/sections", Map.of("name", name));
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(again.body())
                .contains("Another section of the menu is already called " + name)
                .contains("The address made from the name, " + slug + ", is taken: another section is at /" + slug);

        HttpResponse<String> sameSlug =
                editor.post("/newsroom/sections", Map.of("name", "Fishing " + TestContent.unique("n"), "slug", slug));
        assertThat(sameSlug.statusCode()).isEqualTo(400);
        assertThat(sameSlug.body()).contains("The address " + slug + " is taken");

        HttpResponse<String> sameNameOtherCase = editor.post(
                "/newsroom/sections",
                Map.of("name", " " + name.toUpperCase() + " ", "slug", TestContent.unique("other")));
        assertThat(sameNameOtherCase.statusCode()).isEqualTo(400);
        assertThat(sameNameOtherCase.body()).contains("is already called");

        // The same slug inside another section is another address: /fisheries-…/fisheries-….
        long inside = add(Map.of("name", name, "slug", slug, "parentId", String.valueOf(id)));
        assertThat(editor.get("/newsroom/sections/" + inside).body()).contains("/" + slug + "/" + slug);
    }

    @Test
    void journalistsAreNeitherShownNorLetIntoTheSectionsPages() {
        assertThat(journalist.get("/newsroom").body()).doesNotContain("href=\"/newsroom/sections\"");
        assertThat(editor.get("/newsroom").body()).contains("href=\"/newsroom/sections\"");
        assertThat(journalist.get("/newsroom/sections").statusCode()).isEqualTo(403);
        assertThat(journalist.get("/newsroom/sections/new").statusCode()).isEqualTo(403);
        String sneaky = "Sneaky " + TestContent.unique("n");
        journalist.get("/newsroom");
        assertThat(journalist.post("/newsroom/sections", Map.of("name", sneaky)).statusCode())
                .isEqualTo(403);
        assertThat(editor.get("/newsroom/sections").body()).doesNotContain(sneaky);
    }

    @Test
    void aNewSectionReachesAnotherNodesMenuAndCachedPages() {
        try (ConfigurableApplicationContext nodeB = SecondNode.start(dataSource)) {
            Http onB = new Http(SecondNode.port(nodeB));
            assertThat(onB.get("/").statusCode()).isEqualTo(200);
            assertThat(onB.get("/privacy").statusCode()).isEqualTo(200);
            String name = "Estuaries " + TestContent.unique("n");
            String slug = Slugs.from(name);
            add(Map.of("name", name));
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                assertThat(onB.get("/").body()).contains("href=\"/" + slug + "\">" + name + "<");
                assertThat(onB.get("/privacy").body()).contains("href=\"/" + slug + "\">" + name + "<");
                assertThat(onB.get("/" + slug).statusCode()).isEqualTo(200);
            });
        }
    }

    /** Adds a section through the form; returns its id. */
    private long add(Map<String, String> fields) {
        HttpResponse<String> added = editor.submit("/newsroom/sections/new", "/newsroom/sections", fields);
        assertThat(added.statusCode()).as(added.body()).isEqualTo(302);
        Matcher id = ADDED.matcher(added.headers().firstValue("Location").orElseThrow());
        assertThat(id.find()).isTrue();
        return Long.parseLong(id.group(1));
    }

    /** Files an article in the section, as the editor's form takes it, and publishes it; its address. */
    private String publish(String headline, long sectionId) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("headline", headline);
        fields.put("standfirst", "What it means.");
        fields.put("body", "Words.");
        fields.put("sectionId", String.valueOf(sectionId));
        fields.put("bylines", content.author("Sam Sections").name());
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

    /** The table row of the sections list that names all of these. */
    private static String row(String page, String... containing) {
        String table = page.substring(page.indexOf("<tbody>"), page.indexOf("</tbody>"));
        for (String row : table.split("<tr")) {
            boolean all = true;
            for (String text : containing) {
                all &= row.contains(text);
            }
            if (all) {
                return row;
            }
        }
        throw new AssertionError("No row with " + String.join(", ", containing) + " in\n" + page);
    }

    private static String csrf(WebSession session) {
        Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"")
                .matcher(session.get("/newsroom/sections/new").body());
        assertThat(token.find()).isTrue();
        return token.group(1);
    }

    private WebSession staff(Role role) {
        WebSession session = new WebSession(port);
        TestAccounts.signInWithBothFactors(session, accounts.create(true, role));
        return session;
    }
}
