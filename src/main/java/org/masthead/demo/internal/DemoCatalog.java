package org.masthead.demo.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;

/**
 * The demo content bundled under {@code demo/} on the classpath, read and checked but not yet stored.
 *
 * <p>Files are found with {@code classpath*:} patterns so they are read the same way from the source tree,
 * a test classpath and the packaged jar.
 */
record DemoCatalog(
        List<DemoSection> sections, List<DemoTag> tags, List<DemoAuthor> authors, List<DemoArticle> articles) {

    static final String SECTIONS = "classpath*:demo/sections.txt";
    static final String TAGS = "classpath*:demo/tags.txt";
    static final String AUTHORS = "classpath*:demo/authors/*.md";
    static final String ARTICLES = "classpath*:demo/articles/*.md";

    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern ARTICLE_FILE = Pattern.compile("\\d+-(.+)\\.md");

    /**
     * A section; its parent is named by the path, and its position is its place among its siblings in the
     * file.
     */
    record DemoSection(String path, String name, String description, int position) {

        String slug() {
            return path.substring(path.lastIndexOf('/') + 1);
        }

        @Nullable
        String parentPath() {
            int slash = path.lastIndexOf('/');
            return slash < 0 ? null : path.substring(0, slash);
        }
    }

    record DemoTag(String slug, String name, String description) {}

    /** An author; the bio is the body of their file. */
    record DemoAuthor(String slug, String name, String jobTitle, String bio) {}

    record DemoArticle(
            String slug,
            String sectionPath,
            String headline,
            String standfirst,
            List<String> authorSlugs,
            List<String> tagSlugs,
            Theme imageTheme,
            String imageAlt,
            String imageCaption,
            String imageCredit,
            RelativeTime published,
            DemoDocument document) {

        String body() {
            return document.body();
        }
    }

    /** Reads every bundled file and checks that they fit together; any problem is reported by file. */
    static DemoCatalog load(ResourcePatternResolver resolver) {
        DemoCatalog catalog = new DemoCatalog(
                parseSections(read(only(resolver, SECTIONS))),
                parseTags(read(only(resolver, TAGS))),
                sorted(resolver, AUTHORS).stream().map(DemoCatalog::parseAuthor).toList(),
                sorted(resolver, ARTICLES).stream()
                        .map(DemoCatalog::parseArticle)
                        .toList());
        List<String> problems = catalog.problems();
        if (!problems.isEmpty()) {
            throw new IllegalStateException(
                    "The bundled demo content is inconsistent:\n  " + String.join("\n  ", problems));
        }
        return catalog;
    }

    static List<DemoSection> parseSections(String text) {
        List<DemoSection> sections = new ArrayList<>();
        for (String[] cells : rows(text, "sections.txt", 3)) {
            String path = cells[0];
            String parent = path.contains("/") ? path.substring(0, path.lastIndexOf('/')) : null;
            int position = 1
                    + (int) sections.stream()
                            .filter(s -> Objects.equals(s.parentPath(), parent))
                            .count();
            sections.add(new DemoSection(path, cells[1], cells[2], position));
        }
        return List.copyOf(sections);
    }

    static List<DemoTag> parseTags(String text) {
        return rows(text, "tags.txt", 3).stream()
                .map(cells -> new DemoTag(cells[0], cells[1], cells[2]))
                .toList();
    }

    static DemoAuthor parseAuthor(Resource resource) {
        String fileName = fileName(resource);
        DemoDocument document = DemoDocument.parse("authors/" + fileName, read(resource));
        return new DemoAuthor(
                fileName.substring(0, fileName.length() - ".md".length()),
                document.required("name"),
                document.required("job-title"),
                document.body());
    }

    static DemoArticle parseArticle(Resource resource) {
        String fileName = fileName(resource);
        return parseArticle("articles/" + fileName, read(resource));
    }

    static DemoArticle parseArticle(String name, String source) {
        DemoDocument document = DemoDocument.parse(name, source);
        try {
            return new DemoArticle(
                    document.required("slug"),
                    document.required("section"),
                    document.required("headline"),
                    document.required("standfirst"),
                    document.list("authors"),
                    document.list("tags"),
                    Theme.fromKey(document.required("image")),
                    document.required("image-alt"),
                    document.required("image-caption"),
                    document.required("image-credit"),
                    RelativeTime.parse(document.required("published")),
                    document);
        } catch (IllegalArgumentException e) {
            throw e.getMessage() != null && e.getMessage().startsWith(name)
                    ? e
                    : new IllegalArgumentException(name + ": " + e.getMessage(), e);
        }
    }

    /** Everything that would make loading fail half-way, found before anything is stored. */
    List<String> problems() {
        List<String> problems = new ArrayList<>();
        Set<String> sectionPaths = new HashSet<>();
        for (DemoSection section : sections) {
            if (!SLUG.matcher(section.slug()).matches()) {
                problems.add("section " + section.path() + ": not a valid slug");
            }
            if (section.parentPath() != null && !sectionPaths.contains(section.parentPath())) {
                problems.add("section " + section.path() + ": its parent must be listed before it");
            }
            if (!sectionPaths.add(section.path())) {
                problems.add("section " + section.path() + ": listed twice");
            }
        }
        Set<String> tagSlugs = new HashSet<>();
        for (DemoTag tag : tags) {
            if (!SLUG.matcher(tag.slug()).matches() || !tagSlugs.add(tag.slug())) {
                problems.add("tag " + tag.slug() + ": not a valid slug, or listed twice");
            }
        }
        Set<String> authorSlugs = new HashSet<>();
        for (DemoAuthor author : authors) {
            if (!SLUG.matcher(author.slug()).matches() || !authorSlugs.add(author.slug())) {
                problems.add("author " + author.slug() + ": not a valid slug, or listed twice");
            }
        }
        Set<String> articleSlugs = new HashSet<>();
        for (DemoArticle article : articles) {
            String name = article.document().name();
            var fileName = ARTICLE_FILE.matcher(name.substring(name.lastIndexOf('/') + 1));
            if (!fileName.matches() || !fileName.group(1).equals(article.slug())) {
                problems.add(name + ": the file must be named <number>-" + article.slug() + ".md");
            }
            if (!SLUG.matcher(article.slug()).matches() || !articleSlugs.add(article.slug())) {
                problems.add(name + ": slug '" + article.slug() + "' is not valid or is taken by another article");
            }
            if (!sectionPaths.contains(article.sectionPath())) {
                problems.add(name + ": there is no section " + article.sectionPath());
            }
            if (article.authorSlugs().isEmpty()) {
                problems.add(name + ": needs at least one author");
            }
            article.authorSlugs().stream()
                    .filter(slug -> !authorSlugs.contains(slug))
                    .forEach(slug -> problems.add(name + ": there is no author " + slug));
            article.tagSlugs().stream()
                    .filter(slug -> !tagSlugs.contains(slug))
                    .forEach(slug -> problems.add(name + ": there is no tag " + slug));
        }
        return problems;
    }

    private static List<String[]> rows(String text, String name, int columns) {
        List<String[]> rows = new ArrayList<>();
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] cells =
                    Arrays.stream(line.split("\\|", -1)).map(String::strip).toArray(String[]::new);
            if (cells.length != columns || Arrays.stream(cells).anyMatch(String::isEmpty)) {
                throw new IllegalArgumentException(
                        name + ", line " + (i + 1) + ": expected " + columns + " non-empty columns separated by '|'");
            }
            rows.add(cells);
        }
        return rows;
    }

    private static Resource only(ResourcePatternResolver resolver, String pattern) {
        List<Resource> found = sorted(resolver, pattern);
        if (found.size() != 1) {
            throw new IllegalStateException("Expected one " + pattern + " but found " + found.size());
        }
        return found.getFirst();
    }

    /** Sorted by file name, because the numbered names fix the order and resolvers promise none. */
    private static List<Resource> sorted(ResourcePatternResolver resolver, String pattern) {
        try {
            return Arrays.stream(resolver.getResources(pattern))
                    .sorted(Comparator.comparing(DemoCatalog::fileName))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not list " + pattern, e);
        }
    }

    private static String fileName(Resource resource) {
        String name = resource.getFilename();
        if (name == null) {
            throw new IllegalStateException("A demo resource has no file name: " + resource);
        }
        return name;
    }

    private static String read(Resource resource) {
        try {
            return resource.getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + resource, e);
        }
    }
}
