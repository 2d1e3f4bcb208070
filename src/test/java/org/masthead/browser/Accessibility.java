package org.masthead.browser;

import com.deque.html.axecore.args.AxeRuleOptions;
import com.deque.html.axecore.args.AxeRunOptions;
import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.WebDriver;

/** Runs axe-core on a page and turns its violations into a test failure a person can act on. */
final class Accessibility {

    /** WCAG 2.0, 2.1 and 2.2 at levels A and AA: the standard the site promises. */
    static final List<String> STANDARD = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

    /**
     * Rules of that standard that axe marks experimental and so leaves out unless asked: a link whose
     * accessible name lacks its visible words (WCAG 2.5.3, label in name) fails a reader who speaks
     * to their browser.
     */
    static final List<String> EXPERIMENTAL = List.of("label-content-name-mismatch");

    private Accessibility() {}

    static void check(WebDriver driver) {
        AxeRunOptions options = new AxeRunOptions();
        Map<String, AxeRuleOptions> rules = new LinkedHashMap<>();
        for (String rule : EXPERIMENTAL) {
            AxeRuleOptions enabled = new AxeRuleOptions();
            enabled.setEnabled(true);
            rules.put(rule, enabled);
        }
        options.setRules(rules);
        Results results =
                new AxeBuilder().withOptions(options).withTags(STANDARD).analyze(driver);
        if (results.isErrored()) {
            throw new AssertionError(
                    "axe could not check " + driver.getCurrentUrl() + ": " + results.getErrorMessage());
        }
        if (results.getPasses().isEmpty()) {
            // Every page passes some rules (html-has-lang, document-title...); none means axe checked nothing.
            throw new AssertionError("axe found no rules to check on " + driver.getCurrentUrl());
        }
        List<Rule> violations = results.getViolations();
        if (!violations.isEmpty()) {
            throw new AssertionError(report(driver.getCurrentUrl(), violations));
        }
    }

    static String report(String url, List<Rule> violations) {
        StringBuilder report = new StringBuilder()
                .append(violations.size())
                .append(" accessibility violation(s) on ")
                .append(url)
                .append(':');
        for (Rule rule : violations) {
            report.append("\n\n- ")
                    .append(rule.getId())
                    .append(" (")
                    .append(rule.getImpact())
                    .append("): ")
                    .append(rule.getHelp())
                    .append("\n  ")
                    .append(rule.getHelpUrl());
            for (CheckedNode node : rule.getNodes()) {
                report.append("\n    at ")
                        .append(node.getTarget())
                        .append("\n       ")
                        .append(node.getHtml());
                if (node.getFailureSummary() != null) {
                    report.append("\n       ").append(node.getFailureSummary().replace("\n", "\n       "));
                }
            }
        }
        return report.toString();
    }
}
