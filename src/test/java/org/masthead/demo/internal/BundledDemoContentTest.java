package org.masthead.demo.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.masthead.accounts.Role;
import org.masthead.demo.internal.DemoCatalog.DemoArticle;
import org.masthead.demo.internal.DemoCatalog.DemoAuthor;
import org.masthead.demo.internal.DemoCatalog.DemoSection;
import org.masthead.demo.internal.DemoCatalog.DemoTag;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** Checks the content files as the loader will read them, without starting the application. */
class BundledDemoContentTest {

    private static final Instant NOW = Instant.parse("2025-11-05T16:20:00Z");
    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    private static DemoCatalog catalog;

    @BeforeAll
    static void load() {
        catalog = DemoCatalog.load(new PathMatchingResourcePatternResolver());
    }

    @Test
    void everyFileParsesAndFitsTogether() {
        assertThat(catalog.problems()).isEmpty();
        assertThat(catalog.articles()).hasSizeGreaterThanOrEqualTo(44);
        assertThat(catalog.authors()).hasSizeBetween(6, 10);
        assertThat(catalog.tags()).hasSizeBetween(12, 20);
    }

    @Test
    void theConversationsGoUnderArticlesStillOpenOnAFirstStartWithinEveryReadersRateLimit() {
        DemoConversations.Script script =
                DemoConversations.parse(new org.springframework.core.io.ClassPathResource(DemoConversations.SCRIPT));
        Map<String, DemoArticle> articles =
                catalog.articles().stream().collect(Collectors.toMap(DemoArticle::slug, Function.identity()));

        assertThat(script.lines()).hasSizeGreaterThanOrEqualTo(20);
        assertThat(script.lines()).anyMatch(line -> line.depth() == 2);
        for (DemoConversations.Line line : script.lines()) {
            DemoArticle article = articles.get(line.article());
            assertThat(article).as(line.article()).isNotNull();
            // Threads close three days after publication unless an editor says otherwise.
            assertThat(article.published().resolve(NOW, LONDON))
                    .as(line.article())
                    .isAfter(NOW.minus(Duration.ofDays(3)));
        }
        assertThat(script.lines().stream()
                        .collect(Collectors.groupingBy(DemoConversations.Line::reader, Collectors.counting())))
                .allSatisfy((reader, count) -> assertThat(count).as(reader).isLessThanOrEqualTo(10));
    }

    @Test
    void aConversationScriptThatRepliesToNothingOrNamesAStrangerIsRefused() {
        String readers = "reader: Ann <ann@masthead.test>\n= some-article\n";
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> DemoConversations.parse(readers + "> Ann: A reply to nothing\n"))
                .withMessageContaining("line 3: a reply to nothing");
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> DemoConversations.parse(readers + "Ann: First\n>> Ann: Skips a level\n"))
                .withMessageContaining("line 4: a reply to nothing");
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> DemoConversations.parse(readers + "Bob: Who is Bob?\n"))
                .withMessageContaining("no reader named Bob");
    }

    @Test
    void articleSlugsAreUnique() {
        assertThat(catalog.articles()).extracting(DemoArticle::slug).doesNotHaveDuplicates();
    }

    @Test
    void articlesReferOnlyToBundledSectionsAuthorsAndTags() {
        List<String> sections =
                catalog.sections().stream().map(DemoSection::path).toList();
        List<String> authors = catalog.authors().stream().map(DemoAuthor::slug).toList();
        List<String> tags = catalog.tags().stream().map(DemoTag::slug).toList();

        for (DemoArticle article : catalog.articles()) {
            assertThat(sections).as(article.slug()).contains(article.sectionPath());
            assertThat(authors).as(article.slug()).containsAll(article.authorSlugs());
            assertThat(tags).as(article.slug()).containsAll(article.tagSlugs());
        }
    }

    @Test
    void everyArticleIsComplete() {
        for (DemoArticle article : catalog.articles()) {
            assertThat(article.headline()).as(article.slug()).isNotBlank().hasSizeLessThan(110);
            assertThat(article.standfirst()).as(article.slug()).isNotBlank().hasSizeLessThan(300);
            assertThat(article.authorSlugs()).as(article.slug()).isNotEmpty().doesNotHaveDuplicates();
            assertThat(article.tagSlugs())
                    .as(article.slug())
                    .hasSizeBetween(1, 4)
                    .doesNotHaveDuplicates();
            assertThat(article.imageAlt()).as(article.slug()).isNotBlank();
            assertThat(article.imageCaption()).as(article.slug()).isNotBlank();
            assertThat(article.imageCredit()).as(article.slug()).isNotBlank();
            assertThat(article.document().paragraphs()).as(article.slug()).hasSizeBetween(4, 8);
            assertThat(article.body()).as(article.slug()).doesNotContain("<");
        }
    }

    @Test
    void everyTagIsUsedByAtLeastTwoArticles() {
        Map<String, Long> uses = catalog.articles().stream()
                .flatMap(article -> article.tagSlugs().stream())
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));

        for (DemoTag tag : catalog.tags()) {
            assertThat(uses.getOrDefault(tag.slug(), 0L)).as(tag.slug()).isGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void everySectionHasArticlesAndEveryAuthorWrites() {
        for (DemoSection section : catalog.sections()) {
            assertThat(catalog.articles())
                    .as(section.path())
                    .anyMatch(article -> article.sectionPath().equals(section.path())
                            || article.sectionPath().startsWith(section.path() + "/"));
        }
        for (DemoAuthor author : catalog.authors()) {
            assertThat(author.name()).isNotBlank();
            assertThat(author.jobTitle()).isNotBlank();
            assertThat(author.bio()).as(author.slug()).hasSizeGreaterThan(120);
            assertThat(catalog.articles()).as(author.slug()).anyMatch(a -> a.authorSlugs()
                    .contains(author.slug()));
        }
    }

    @Test
    void everyDemoStaffMemberWhoWritesHasABylineOfTheirOwn() {
        List<String> names = catalog.authors().stream().map(DemoAuthor::name).toList();

        for (DemoStaff.Person person : DemoStaff.PEOPLE) {
            if (person.roles().contains(Role.JOURNALIST) || person.roles().contains(Role.EDITOR)) {
                assertThat(names)
                        .as("%s signs in to the newsroom and must be able to byline themselves", person.email())
                        .contains(person.displayName());
            }
        }
    }

    /**
     * The articles are dated relative to the first start, so their copy may not pin an event to a day of
     * the week ("on Tuesday" in a story published on a Sunday), a clock time that a story published in
     * the last hours could precede ("just after 4am" in a story published at 02.03), nor count years back
     * to a recent year it names ("twelve years ago" beside "2012", whatever year the demo is loaded in).
     * A day of the week in general ("on a Friday", "every Tuesday") is fine.
     */
    @Test
    void noArticleSaysWhatItsRelativeDateCouldMakeUntrue() {
        Pattern onAWeekday =
                Pattern.compile("(?<!\\b(a|every|cold|library's) )\\b(Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\\b");
        // When something happened ("just after 4am"); a timetable ("arriving before 9am") says no day.
        Pattern clockTime = Pattern.compile("\\b(at|after|about|by|until) \\d{1,2}(\\.\\d{2})?\\s?(am|pm)\\b");
        Pattern recentYear = Pattern.compile("\\b20\\d{2}\\b");
        for (DemoArticle article : catalog.articles()) {
            String copy = article.headline() + "\n" + article.standfirst() + "\n" + article.imageCaption() + "\n"
                    + article.body();
            assertThat(onAWeekday.matcher(copy).results().map(MatchResult::group))
                    .as("%s names a day of the week", article.slug())
                    .isEmpty();
            if (article.published().daysAgo() == 0) {
                assertThat(clockTime.matcher(copy).results().map(MatchResult::group))
                        .as("%s is published hours ago, and names a time of day", article.slug())
                        .isEmpty();
            }
            if (recentYear.matcher(copy).find()) {
                assertThat(copy)
                        .as("%s names a recent year and counts years back from now", article.slug())
                        .doesNotContainPattern("(?i)years ago");
            }
        }
    }

    @Test
    void authorsBiosAreCopyForReadersAndNoDemoReaderTakesAByline() {
        List<String> bylines = catalog.authors().stream().map(DemoAuthor::name).toList();
        for (DemoAuthor author : catalog.authors()) {
            assertThat(author.bio())
                    .as(author.slug())
                    .doesNotContain("@masthead.test")
                    .doesNotContainIgnoringCase("sign in");
        }
        DemoConversations.Script script =
                DemoConversations.parse(new org.springframework.core.io.ClassPathResource(DemoConversations.SCRIPT));
        assertThat(script.lines())
                .extracting(DemoConversations.Line::reader)
                .as("a reader may not pass for one of the paper's writers")
                .doesNotContainAnyElementsOf(bylines);
    }

    @Test
    void theAttackOnPoliceHeadquartersIsFiledUnderAsia() {
        assertThat(catalog.articles())
                .filteredOn(article -> article.slug().equals("police-headquarters-attacked"))
                .singleElement()
                .extracting(DemoArticle::sectionPath)
                .isEqualTo("world/asia");
    }

    @Test
    void publicationTimesLookLikeALiveSite() {
        List<Instant> times = catalog.articles().stream()
                .map(article -> article.published().resolve(NOW, LONDON))
                .sorted(Comparator.reverseOrder())
                .toList();

        assertThat(times).doesNotHaveDuplicates().allMatch(time -> time.isBefore(NOW));
        assertThat(times.getFirst()).as("the newest").isAfter(NOW.minus(Duration.ofHours(2)));
        assertThat(times.getLast()).as("the oldest").isAfter(NOW.minus(Duration.ofDays(30)));
        assertThat(times.getLast()).isBefore(NOW.minus(Duration.ofDays(21)));
        assertThat(times)
                .as("in the news sitemap")
                .filteredOn(time -> time.isAfter(NOW.minus(Duration.ofHours(48))))
                .hasSizeGreaterThanOrEqualTo(6);
    }
}
