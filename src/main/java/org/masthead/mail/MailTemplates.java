package org.masthead.mail;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders a mail's two parts from a pair of Thymeleaf templates: {@code templates/mail/<name>.txt} (text
 * mode, where {@code [(${link})]} writes a value) and {@code templates/mail/<name>.html} (HTML mode, where
 * values are escaped as on any page). Each template holds only the message itself; the shared layout
 * ({@code mail/layout.*}) adds the site's name and a footer, with the unsubscribe link when there is one.
 *
 * <p>Besides the caller's model, templates may use {@code siteName}.
 */
@Component
public class MailTemplates {

    /** The parts of a rendered mail, ready for a {@link Mail}. */
    public record RenderedMail(String text, String html) {}

    private final SpringTemplateEngine engine;
    private final String siteName;

    MailTemplates(MailProperties properties) {
        this.siteName = properties.siteName();
        // Our own engine, not a bean: the web's engine only knows HTML pages, and a second engine bean
        // would make Spring Boot's auto-configured one step aside.
        this.engine = new SpringTemplateEngine();
        engine.addTemplateResolver(resolver(TemplateMode.TEXT, "*.txt", 1));
        engine.addTemplateResolver(resolver(TemplateMode.HTML, "*.html", 2));
    }

    private static ClassLoaderTemplateResolver resolver(TemplateMode mode, String pattern, int order) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/mail/");
        resolver.setTemplateMode(mode);
        resolver.setResolvablePatterns(Set.of(pattern));
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCheckExistence(true);
        resolver.setCacheable(true);
        resolver.setOrder(order);
        return resolver;
    }

    /** Renders transactional mail: no unsubscribe link. */
    public RenderedMail render(String name, Map<String, ?> model) {
        return render(name, model, null);
    }

    /**
     * @param name the templates' name under {@code templates/mail/}, without extension
     * @param unsubscribeUrl shown in the footer when given (required for marketing mail, see {@link Mail})
     * @throws org.thymeleaf.exceptions.TemplateInputException if either template is missing or broken
     */
    public RenderedMail render(String name, Map<String, ?> model, @Nullable String unsubscribeUrl) {
        Map<String, Object> variables = new HashMap<>(model);
        variables.put("siteName", siteName);
        String text = process(name + ".txt", variables);
        String html = process(name + ".html", variables);
        Map<String, Object> layout = new HashMap<>();
        layout.put("siteName", siteName);
        layout.put("unsubscribeUrl", unsubscribeUrl);
        layout.put("content", text.strip());
        String wrappedText = process("layout.txt", layout);
        // The content was rendered (and escaped) by our own template above, so the layout inserts it as is.
        layout.put("content", html);
        return new RenderedMail(wrappedText, process("layout.html", layout));
    }

    private String process(String template, Map<String, Object> variables) {
        Context context = new Context();
        context.setVariables(variables);
        return engine.process(template, context);
    }
}
