package org.masthead.browser;

import com.deque.html.axecore.args.AxeRuleOptions;
import com.deque.html.axecore.args.AxeRunOptions;
import com.deque.html.axecore.providers.EmbeddedResourceAxeProvider;
import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.naming.OperationNotSupportedException;
import org.openqa.selenium.JavascriptExecutor;
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

    /** axe-core as the axe-core Selenium library ships it, so both always run the same version. */
    static final String AXE_SOURCE = axeSource();

    /**
     * Whether the page and each of its frames already has axe, as {@link Chromium} puts it in every
     * document; a frame that may not run scripts of its own (a sandboxed e-mail preview) has not.
     */
    private static final String AXE_EVERYWHERE =
            """
            const has = w => { try { return typeof w.axe === 'object'; } catch (e) { return false; } };
            return has(window) && Array.from(document.querySelectorAll('iframe')).every(f => has(f.contentWindow));""";

    private Accessibility() {}

    private static String axeSource() {
        try {
            return new EmbeddedResourceAxeProvider().getScript();
        } catch (IOException | OperationNotSupportedException e) {
            throw new IllegalStateException("axe-core is missing from the axe-core Selenium library", e);
        }
    }

    static void check(WebDriver driver) {
        AxeRunOptions options = new AxeRunOptions();
        Map<String, AxeRuleOptions> rules = new LinkedHashMap<>();
        for (String rule : EXPERIMENTAL) {
            AxeRuleOptions enabled = new AxeRuleOptions();
            enabled.setEnabled(true);
            rules.put(rule, enabled);
        }
        options.setRules(rules);
        AxeBuilder axe = new AxeBuilder().withOptions(options).withTags(STANDARD);
        if (Boolean.TRUE.equals(((JavascriptExecutor) driver).executeScript(AXE_EVERYWHERE))) {
            axe.setAxeScriptProvider(() -> "void 0");
        }
        // axe.run in the page itself; the default opens a blank window per check to merge frames'
        // results, which costs a third of the check and is only needed for frames of other sites.
        Results results = axe.setLegacyMode(true).analyze(driver);
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
