package org.masthead.discovery.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.masthead.discovery.internal.DiscoveryKeys;
import org.masthead.discovery.internal.Search;
import org.masthead.newsroom.ArticleCard;
import org.masthead.newsroom.Author;
import org.masthead.newsroom.PublishedContent;
import org.masthead.newsroom.Section;
import org.masthead.platform.FormDates;
import org.masthead.platform.PublicPages;
import org.masthead.platform.StaleReads;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The search results page and the search box's suggestions. Both are the same for every reader, so they
 * are cached like the other public pages, and dropped whenever the index changes.
 */
@Controller
class SearchController {

    private static final String DATE_MESSAGE = "Give a date as YYYY-MM-DD, such as 2026-11-24.";

    private final Search search;
    private final PublishedContent content;
    private final PublicPages publicPages;

    SearchController(Search search, PublishedContent content, PublicPages publicPages) {
        this.search = search;
        this.content = content;
        this.publicPages = publicPages;
    }

    @StaleReads
    @GetMapping("/search")
    String search(
            @RequestParam(name = "q", required = false) @Nullable String words,
            @RequestParam(defaultValue = "")
                    @Pattern(regexp = "[a-z0-9/-]{0,200}", message = "There is no such section.")
                    String section,
            @RequestParam(defaultValue = "") @Pattern(regexp = "[a-z0-9-]{0,200}", message = "There is no such author.")
                    String author,
            @RequestParam(defaultValue = "") @Size(max = 10, message = DATE_MESSAGE) String from,
            @RequestParam(defaultValue = "") @Size(max = 10, message = DATE_MESSAGE) String to,
            @RequestParam(defaultValue = "relevance")
                    @Pattern(regexp = "relevance|date", message = "Sort by relevance or by date.")
                    String sort,
            @RequestParam(defaultValue = "1")
                    @Min(value = 1, message = "Page numbers start at 1.")
                    @Max(value = 100, message = "Results go no further than page 100: narrow the search.")
                    int page,
            Model model,
            HttpServletResponse response) {
        String q = words == null ? "" : words;
        Map<String, String> problems = new LinkedHashMap<>();
        Section inSection = section.isEmpty() ? null : content.section(section).orElse(null);
        if (!section.isEmpty() && inSection == null) {
            problems.put("section", "There is no such section.");
        }
        Author by = author.isEmpty() ? null : content.publishedAuthor(author).orElse(null);
        if (!author.isEmpty() && by == null) {
            problems.put("author", "There is no such author.");
        }
        LocalDate fromDay = day("from", from, problems);
        LocalDate toDay = day("to", to, problems);
        if (fromDay != null && toDay != null && toDay.isBefore(fromDay)) {
            problems.put("to", "The day to search until comes before the day to search from.");
        }
        Search.Results results = problems.isEmpty()
                ? search.find(new Search.Request(q, inSection, by, fromDay, toDay, sort.equals("date"), page))
                : Search.Results.NONE;
        if (results.total() > 0 && page > results.totalPages()) {
            // Past the last page, as an old link or a shorter list of results leaves one: to the last page.
            // The values go in as variables, so that each is encoded whole ("+" and "&" included).
            Map<String, String> asked = new LinkedHashMap<>();
            asked.put("q", Search.trimmed(q));
            asked.put("section", section);
            asked.put("author", author);
            asked.put("from", from);
            asked.put("to", to);
            asked.put("sort", sort.equals("date") ? sort : "");
            asked.put("page", results.totalPages() > 1 ? Integer.toString(results.totalPages()) : "");
            UriComponentsBuilder last = UriComponentsBuilder.fromPath("/search");
            asked.forEach((name, value) -> {
                if (!value.isEmpty()) {
                    last.queryParam(name, "{" + name + "}");
                }
            });
            return "redirect:" + last.encode().buildAndExpand(asked).toUriString();
        }
        model.addAttribute("problems", problems);
        // Filters or an empty box sent, and no words: say what is missing rather than show nothing.
        model.addAttribute(
                "wordsMissing",
                q.isBlank()
                        && (words != null
                                || !section.isEmpty()
                                || !author.isEmpty()
                                || !from.isEmpty()
                                || !to.isEmpty()));
        // Only the words searched for are shown back, in the box, the title and "No results for …".
        model.addAttribute("q", Search.trimmed(q));
        model.addAttribute("maxLength", Search.MAX_QUERY_LENGTH);
        model.addAttribute("filtered", inSection != null || by != null || fromDay != null || toDay != null);
        model.addAttribute("section", section);
        model.addAttribute("author", author);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("sort", sort);
        model.addAttribute("found", results);
        model.addAttribute("sections", content.sections());
        model.addAttribute("authors", content.publishedAuthors());
        model.addAttribute("truncated", q.length() > Search.MAX_QUERY_LENGTH);
        if (!problems.isEmpty()) {
            // The form says what is wrong, with the rest of the search as it was, to put right.
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return "discovery/search";
        }
        publicPages.mark(
                response,
                results.results().stream()
                        .map(Search.Result::card)
                        .map(ArticleCard::modifiedAt)
                        .max(Instant::compareTo)
                        .orElse(Instant.EPOCH),
                List.of(DiscoveryKeys.SEARCH));
        return "discovery/search";
    }

    /** What the search box offers while a reader types: JSON for its script. */
    @StaleReads
    @GetMapping(value = "/search/suggestions", produces = "application/json")
    @ResponseBody
    Suggestions suggestions(@RequestParam(defaultValue = "") String q, HttpServletResponse response) {
        Suggestions suggestions = new Suggestions(search.suggest(q));
        publicPages.mark(response, Instant.EPOCH, List.of(DiscoveryKeys.SEARCH));
        return suggestions;
    }

    /** The search box's suggestions, best first. */
    record Suggestions(List<Search.Suggestion> suggestions) {}

    private static @Nullable LocalDate day(String field, String value, Map<String, String> problems) {
        if (value.isEmpty()) {
            return null;
        }
        if (!value.matches("\\d{4}-\\d{2}-\\d{2}")) {
            problems.put(field, DATE_MESSAGE);
            return null;
        }
        try {
            return FormDates.day(value);
        } catch (DateTimeException e) {
            problems.put(field, "There is no such day as " + value + ".");
            return null;
        }
    }
}
