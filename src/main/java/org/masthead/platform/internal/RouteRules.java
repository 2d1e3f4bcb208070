package org.masthead.platform.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.access.intercept.RequestMatcherDelegatingAuthorizationManager;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The route rules of every module, taken as one decision once the chain has built them, for the two
 * questions the chain asks of them besides "may this visitor pass". How a HEAD request is judged: as the
 * GET it stands for, so that no module has to name HEAD beside GET. And whether a request is left to the
 * dispatcher: no rule names it and nothing serves it by its method (see {@link UnservedPaths}), so it
 * runs nothing and is answered 404, or 405 with {@code Allow}.
 */
final class RouteRules implements ObjectPostProcessor<RequestMatcherDelegatingAuthorizationManager> {

    /** What the fallback rule decides, told apart from every other "granted" by being this very one. */
    private static final AuthorizationDecision LEFT_TO_THE_DISPATCHER = new AuthorizationDecision(true);

    /** Whether a rule names a request does not depend on who asks; asked as nobody in particular. */
    private static final Supplier<Authentication> NOBODY = () -> new AnonymousAuthenticationToken(
            "route-rules", "route-rules", AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));

    private final RequestMatcher unserved;
    private @Nullable RequestMatcherDelegatingAuthorizationManager rules;

    RouteRules(RequestMatcher unserved) {
        this.unserved = unserved;
    }

    @Override
    public <O extends RequestMatcherDelegatingAuthorizationManager> O postProcess(O built) {
        this.rules = built;
        return built;
    }

    /** The fallback rule's matcher: requests nothing serves by their method. */
    RequestMatcher unserved() {
        return unserved;
    }

    /** The fallback rule's decision: let the request through to be answered 404 or 405. */
    AuthorizationManager<RequestAuthorizationContext> leftToTheDispatcher() {
        return (authentication, context) -> LEFT_TO_THE_DISPATCHER;
    }

    /** A HEAD request is allowed whatever its GET would be. */
    AuthorizationManager<RequestAuthorizationContext> asForGet() {
        return (authentication, context) -> rules().authorize(authentication, new AsGet(context.getRequest()));
    }

    /** Whether some rule names the request, or something serves it by its method. */
    boolean servedOrNamed(HttpServletRequest request) {
        return rules().authorize(NOBODY, request) != LEFT_TO_THE_DISPATCHER;
    }

    private RequestMatcherDelegatingAuthorizationManager rules() {
        if (rules == null) {
            throw new IllegalStateException("The route rules are asked before the filter chain has built them");
        }
        return rules;
    }

    /** The request as its GET, for the rules' matchers: nothing else sees it. */
    private static final class AsGet extends HttpServletRequestWrapper {

        AsGet(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getMethod() {
            return HttpMethod.GET.name();
        }
    }
}
