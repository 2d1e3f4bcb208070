package org.masthead.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticApplicationContext;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/** Requests reach the same controller methods as through Spring's own mapping, set aside by first word or not. */
class PathFirstMappingsTest {

    private RequestMappingHandlerMapping mapping;

    @BeforeEach
    void setUp() throws NoSuchMethodException {
        StaticApplicationContext context = new StaticApplicationContext();
        context.registerSingleton("routes", Routes.class);
        context.refresh();
        mapping = new PathFirstMappings().getRequestMappingHandlerMapping();
        mapping.setApplicationContext(context);
        mapping.afterPropertiesSet();
        // Registered after start-up, as a library may: it has no first words noted, and must still be found.
        mapping.registerMapping(
                RequestMappingInfo.paths("/feeds/{name}")
                        .options(mapping.getBuilderConfiguration())
                        .build(),
                context.getBean(Routes.class),
                Routes.class.getMethod("feed"));
    }

    @Test
    void eachRequestReachesTheMethodItsPathAndVerbName() throws Exception {
        assertThat(handler("GET", "/discussion/comments/42/edit")).isEqualTo("editForm");
        assertThat(handler("POST", "/discussion/comments/42/edit")).isEqualTo("edit");
        assertThat(handler("GET", "/discussion/threads")).isEqualTo("threads");
        assertThat(handler("GET", "/business/interest-rates-held"))
                .as("a path whose first word no fixed mapping has falls to the one that begins with a variable")
                .isEqualTo("article");
        assertThat(handler("GET", "/discussion/comments"))
                .as("a fixed first word does not keep the variable mappings out")
                .isEqualTo("article");
        assertThat(handler("GET", "/feeds/all")).isEqualTo("feed");
        assertThat(handler("GET", "/nothing/answers/this/path")).isNull();
        assertThat(handler("GET", "/discussion/7/comments"))
                .as("of two mappings that match, the more particular one, as Spring orders them")
                .isEqualTo("comments");
        assertThat(handler("GET", "/business/7/comments")).isEqualTo("anyComments");
        assertThat(handler("GET", "/discussion/about"))
                .as("an address named exactly")
                .isEqualTo("about");
    }

    @Test
    void aPathNoMethodOfItsVerbAnswersIsRefusedAsSpringRefusesIt() {
        assertThatThrownBy(() -> handler("DELETE", "/discussion/comments/42/edit"))
                .isInstanceOf(HttpRequestMethodNotSupportedException.class);
    }

    @Test
    void aMappingUnregisteredIsNoLongerFound() throws Exception {
        RequestMappingInfo feeds = mapping.getHandlerMethods().keySet().stream()
                .filter(info -> info.getPatternValues().contains("/feeds/{name}"))
                .findFirst()
                .orElseThrow();

        mapping.unregisterMapping(feeds);

        assertThat(handler("GET", "/feeds/all")).isEqualTo("article");
    }

    private @Nullable String handler(String verb, String path) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest(verb, path);
        ServletRequestPathUtils.parseAndCache(request);
        HandlerExecutionChain chain = mapping.getHandler(request);
        return chain == null
                ? null
                : ((HandlerMethod) chain.getHandler()).getMethod().getName();
    }

    @Controller
    static class Routes {

        @GetMapping("/discussion/comments/{id}/edit")
        public String editForm() {
            return "";
        }

        @PostMapping("/discussion/comments/{id}/edit")
        public String edit() {
            return "";
        }

        @GetMapping("/discussion/threads")
        public String threads() {
            return "";
        }

        @GetMapping("/{section}/{slug}")
        public String article() {
            return "";
        }

        public String feed() {
            return "";
        }

        @GetMapping("/discussion/{id}/comments")
        public String comments() {
            return "";
        }

        @GetMapping("/{section}/{id}/comments")
        public String anyComments() {
            return "";
        }

        @GetMapping("/discussion/about")
        public String about() {
            return "";
        }
    }
}
