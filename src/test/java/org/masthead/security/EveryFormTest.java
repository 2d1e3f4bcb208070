package org.masthead.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.masthead.MastheadTest;
import org.masthead.WebSession;
import org.masthead.accounts.Role;
import org.masthead.accounts.TestAccounts;
import org.masthead.discussion.Participant;
import org.masthead.newsroom.Section;
import org.masthead.newsroom.TestContent;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * Every form a reader or an admin can reach, sent back with values no page offers: empty, negative, too
 * large for any number type, very long. Each is answered (a field error, a refusal, a redirect), never
 * with a server error. In an application of its own, since the values land in site-wide settings.
 */
@MastheadTest
@TestPropertySource(properties = "masthead.data-dir=target/test-data/forms-${random.uuid}")
class EveryFormTest {

    private static final Pattern FORM = Pattern.compile("(?s)<form([^>]*)>(.*?)</form>");
    private static final Pattern ACTION = Pattern.compile("action=\"([^\"]+)\"");
    private static final Pattern FIELD = Pattern.compile("<(?:input|textarea|select)[^>]*\\bname=\"([^\"]+)\"");
    private static final Pattern LINK = Pattern.compile("href=\"(/[^\"#]*)\"");
    /** Forms that would end the visit (signing out, deleting the account) or mail a link: not sent. */
    private static final List<String> LEFT_ALONE =
            List.of("/signout", "/delete", "/disable", "/email-link", "/webauthn", "/logout");

    private static final List<String> ODD_VALUES = List.of("", "-1", "99999999999999999999", "x".repeat(20_000));

    @LocalServerPort
    int port;

    @Autowired
    TestAccounts accounts;

    @Autowired
    TestContent content;

    @Test
    void oddValuesInEveryFormAReaderOrAnAdminReachesNeverGiveAServerError() {
        Section section = content.section("Forms");
        long article = content.article(section).published();
        Participant commenter = Participant.signIn(port, accounts.create(true));
        commenter.posted(article, "A first comment, for the forms beside it.");
        WebSession reader = new WebSession(port);
        TestAccounts.signIn(reader, accounts.create(true));
        WebSession admin = new WebSession(port);
        TestAccounts.signInWithBothFactors(admin, accounts.create(true, Role.ADMIN));

        List<String> failures = new ArrayList<>();
        failures.addAll(sendOddValues(reader, List.of("/", "/account", "/" + section.path(), "/reading-list")));
        failures.addAll(sendOddValues(
                admin, List.of("/newsroom", "/moderation", "/admin/accounts", "/admin/payments", "/admin/membership")));

        assertThat(failures).as("forms answered with a server error").isEmpty();
    }

    /** Crawls from the start pages, then sends every form found with each odd value in all its fields. */
    private List<String> sendOddValues(WebSession visitor, List<String> start) {
        Map<String, String> formPages = new LinkedHashMap<>();
        Map<String, Set<String>> formFields = new LinkedHashMap<>();
        Deque<String> queue = new ArrayDeque<>(start);
        Set<String> seen = new HashSet<>();
        while (!queue.isEmpty() && seen.size() < 120) {
            String page = queue.poll();
            if (!seen.add(page)) {
                continue;
            }
            HttpResponse<String> response = visitor.get(page);
            String type = response.headers().firstValue("Content-Type").orElse("");
            if (response.statusCode() != 200 || !type.startsWith("text/html")) {
                continue;
            }
            Matcher form = FORM.matcher(response.body());
            while (form.find()) {
                Matcher action = ACTION.matcher(form.group(1));
                String target = action.find() ? action.group(1).replace("&amp;", "&") : page;
                if (!form.group(1).toLowerCase().contains("method=\"post\"")
                        || LEFT_ALONE.stream().anyMatch(target::contains)) {
                    continue;
                }
                formPages.putIfAbsent(target, page);
                Set<String> fields = formFields.computeIfAbsent(target, key -> new LinkedHashSet<>());
                Matcher field = FIELD.matcher(form.group(2));
                while (field.find()) {
                    if (!field.group(1).equals("_csrf")) {
                        fields.add(field.group(1));
                    }
                }
            }
            Matcher link = LINK.matcher(response.body());
            while (link.find()) {
                String next = link.group(1).replace("&amp;", "&");
                if (!next.startsWith("//") && !next.matches("/(css|js|img|media|live)\\b.*") && !seen.contains(next)) {
                    queue.add(next);
                }
            }
        }
        assertThat(formPages).as("forms found from %s", start).hasSizeGreaterThan(start.size());
        List<String> failures = new ArrayList<>();
        formPages.forEach((target, page) -> {
            for (String value : ODD_VALUES) {
                Map<String, String> fields = new LinkedHashMap<>();
                formFields.get(target).forEach(name -> fields.put(name, value));
                HttpResponse<String> answer = visitor.submit(page, target, fields);
                if (answer.statusCode() >= 500) {
                    failures.add("%s (from %s) with %s: %d"
                            .formatted(
                                    target,
                                    page,
                                    value.length() > 20 ? "a long value" : "'" + value + "'",
                                    answer.statusCode()));
                }
            }
        });
        return failures;
    }
}
