package org.masthead.demo.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.masthead.accounts.Accounts;
import org.masthead.accounts.Role;
import org.masthead.demo.DemoProperties;
import org.masthead.discussion.Discussion;
import org.masthead.moderation.Moderation;
import org.masthead.newsroom.PublishedArticle;
import org.masthead.newsroom.PublishedContent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The demo readers' conversations under the newest demo articles ({@code demo/conversations.txt}), posted
 * once per demo site through the discussion's own rules, so that comments, replies, mentions, follows and
 * the notifications they cause are all real. Riley Reader, the demo's reader account, finds replies and
 * mentions waiting.
 */
@Component
class DemoConversations {

    static final String SCRIPT = "demo/conversations.txt";

    private static final Logger log = LoggerFactory.getLogger(DemoConversations.class);
    private static final Pattern READER = Pattern.compile("reader: (.+?) <(.+)>");
    private static final Pattern FOLLOW = Pattern.compile("follow: (.+?) -> (.+)");
    private static final Pattern LINE = Pattern.compile("(>{0,2}) ?([^:>]+): (.+)");

    /** One line of the script, ready to post. */
    record Line(String article, int depth, String reader, String text) {}

    record Script(Map<String, String> readers, List<Map.Entry<String, String>> follows, List<Line> lines) {}

    private final DemoProperties properties;
    private final Accounts accounts;
    private final Discussion discussion;
    private final Moderation moderation;
    private final PublishedContent content;
    private final JdbcClient db;
    private final Clock clock;

    DemoConversations(
            DemoProperties properties,
            Accounts accounts,
            Discussion discussion,
            Moderation moderation,
            PublishedContent content,
            JdbcClient db,
            Clock clock) {
        this.properties = properties;
        this.accounts = accounts;
        this.discussion = discussion;
        this.moderation = moderation;
        this.content = content;
        this.db = db;
        this.clock = clock;
    }

    /** After the demo articles have had their chance to load (see {@link DemoSetUp}); never stops the site. */
    void postOnFirstStart() {
        if (!properties.demoContent() || !claim()) {
            return;
        }
        try {
            Script script = parse(new ClassPathResource(SCRIPT, getClass().getClassLoader()));
            log.info(
                    "Posting the demo conversations: {} comments by {} readers",
                    script.lines().size(),
                    script.readers().size());
            int posted = post(script);
            log.info(
                    "Posted the demo conversations: {} comments by {} readers (password {})",
                    posted,
                    script.readers().size(),
                    DemoStaff.PASSWORD);
        } catch (RuntimeException e) {
            log.error("Could not post the demo conversations", e);
        }
    }

    /** Once per site, by one node: only where demo articles were loaded and nobody has posted these yet. */
    private boolean claim() {
        return db.sql(
                                """
                        UPDATE demo_content SET conversations_at = :now
                        WHERE article_count > 0 AND conversations_at IS NULL""")
                        .param("now", Timestamp.from(clock.instant()))
                        .update()
                > 0;
    }

    private int post(Script script) {
        Map<String, Long> ids = new HashMap<>();
        script.readers().forEach((name, email) -> {
            long id = accounts.ensureAccount(email, name, DemoStaff.PASSWORD, Set.of(Role.READER));
            // Known readers of the demo paper, not new accounts whose first comments wait for a moderator.
            moderation.trust(id, null);
            ids.put(name, id);
        });
        script.follows().forEach(follow -> discussion.follow(ids.get(follow.getKey()), ids.get(follow.getValue())));
        int posted = 0;
        String skipped = null;
        Long lastComment = null;
        Long lastReply = null;
        for (Line line : script.lines()) {
            if (line.article().equals(skipped)) {
                continue;
            }
            PublishedArticle article = content.article(line.article()).orElse(null);
            try {
                if (article == null) {
                    throw new IllegalStateException("no such article");
                }
                Long answers = line.depth() == 0 ? null : line.depth() == 1 ? lastComment : lastReply;
                long id = discussion.post(ids.get(line.reader()), article.id(), line.text(), answers);
                posted++;
                if (line.depth() == 0) {
                    lastComment = id;
                }
                lastReply = line.depth() == 0 ? null : id;
            } catch (RuntimeException e) {
                // An article since closed for comments, say, on a site that started long before this existed.
                log.info("Left out the demo conversation under {}: {}", line.article(), e.getMessage());
                skipped = line.article();
            }
        }
        return posted;
    }

    static Script parse(ClassPathResource resource) {
        try (InputStream in = resource.getInputStream()) {
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Script parse(String text) {
        Map<String, String> readers = new LinkedHashMap<>();
        List<Map.Entry<String, String>> follows = new ArrayList<>();
        List<Line> lines = new ArrayList<>();
        @Nullable String article = null;
        int number = 0;
        for (String raw : text.split("\n")) {
            number++;
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            Matcher matched;
            if ((matched = READER.matcher(line)).matches()) {
                readers.put(matched.group(1), matched.group(2));
            } else if ((matched = FOLLOW.matcher(line)).matches()) {
                follows.add(
                        Map.entry(known(readers, matched.group(1), number), known(readers, matched.group(2), number)));
            } else if (line.startsWith("= ")) {
                article = line.substring(2).strip();
            } else if ((matched = LINE.matcher(line)).matches() && article != null) {
                int depth = matched.group(1).length();
                Line previous = lines.isEmpty() ? null : lines.getLast();
                if (depth > 0
                        && (previous == null || !previous.article().equals(article) || previous.depth() < depth - 1)) {
                    throw new IllegalArgumentException(SCRIPT + " line " + number + ": a reply to nothing");
                }
                lines.add(new Line(
                        article,
                        depth,
                        known(readers, matched.group(2).strip(), number),
                        matched.group(3).replace("\\n", "\n")));
            } else {
                throw new IllegalArgumentException(SCRIPT + " line " + number + ": cannot read \"" + line + "\"");
            }
        }
        return new Script(readers, follows, lines);
    }

    private static String known(Map<String, String> readers, String name, int number) {
        if (!readers.containsKey(name)) {
            throw new IllegalArgumentException(SCRIPT + " line " + number + ": no reader named " + name);
        }
        return name;
    }
}
