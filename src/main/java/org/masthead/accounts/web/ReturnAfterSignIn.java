package org.masthead.accounts.web;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.security.web.savedrequest.SimpleSavedRequest;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Brings a reader back to where they were once they have signed in, whichever way they sign in: the
 * password, a link e-mailed to them, a passkey or an identity provider, and after registering and
 * confirming their address.
 *
 * <p>Where they were is a {@link ReturnPath}, kept in a short-lived cookie of its own rather than the
 * session: a visitor who is only asked to sign in, or who leaves, costs no session. It is set when a
 * page that needs an account sends the reader to sign in (this is Spring Security's request cache), and
 * when a sign-in, registration or e-mailed link arrives with {@code ?return=} (pages are the same for
 * everyone, so their links to sign in carry the page's address themselves). Links mailed from here
 * carry it too, for a reader who opens them on another device.
 */
@Component
final class ReturnAfterSignIn implements RequestCache, AuthenticationSuccessHandler {

    static final String PARAMETER = "return";
    static final String DEFAULT = "/account";

    private static final String COOKIE = "RETURN";
    private static final Duration KEPT_FOR = Duration.ofHours(1);

    private final JsonMapper json;

    ReturnAfterSignIn(JsonMapper json) {
        this.json = json;
    }

    /** Remembers {@code ?return=} of this request, if it is one we may send the reader to. */
    void rememberRequested(HttpServletRequest request, HttpServletResponse response) {
        ReturnPath.of(request.getParameter(PARAMETER)).ifPresent(target -> remember(target, request, response));
    }

    /** Where to send this reader once signed in, if anywhere in particular. */
    Optional<String> target(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        for (Cookie cookie : cookies) {
            if (COOKIE.equals(cookie.getName())) {
                try {
                    return ReturnPath.of(
                            new String(Base64.getUrlDecoder().decode(cookie.getValue()), StandardCharsets.UTF_8));
                } catch (IllegalArgumentException notOurs) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    /** Signed in by a form or a link: on to the page they came from, or their account. */
    @Override
    public void onAuthenticationSuccess(
            HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws IOException {
        response.sendRedirect(takeTarget(request, response));
    }

    /** What the passkey script reads once signed in, as Spring Security's own answer has it. */
    record PasskeySignedIn(String redirectUrl, boolean authenticated) {}

    /** Signed in with a passkey, by script: the same target, told to the script that navigates there. */
    AuthenticationSuccessHandler forScripts() {
        return (request, response, authentication) -> {
            String target = takeTarget(request, response);
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            json.writeValue(response.getOutputStream(), new PasskeySignedIn(target, true));
        };
    }

    private String takeTarget(HttpServletRequest request, HttpServletResponse response) {
        String target = target(request).orElse(DEFAULT);
        forget(request, response);
        // Signing in replaced the session's CSRF token with one made when first asked for. The page
        // the reader goes back to asks from several scripts at once, and tokens made by two of them
        // together would both be stored in the session, failing one request: make it here, once.
        if (request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken csrf) {
            csrf.getToken();
        }
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
        }
        return target;
    }

    /**
     * A page that needs an account is sending the reader to sign in: remember it. Only a page someone
     * looked at is worth coming back to, not a script's request or a form's post.
     */
    @Override
    public void saveRequest(HttpServletRequest request, HttpServletResponse response) {
        String mode = request.getHeader("Sec-Fetch-Mode");
        if (!"GET".equals(request.getMethod())
                || request.getHeader("X-Requested-With") != null
                || (mode != null && !mode.equals("navigate"))) {
            return;
        }
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        if (accept != null && !accept.contains("text/html") && !accept.contains("*/*")) {
            return;
        }
        String query = request.getQueryString();
        ReturnPath.of(request.getRequestURI() + (query == null ? "" : "?" + query))
                .ifPresent(target -> remember(target, request, response));
    }

    @Override
    public @Nullable SavedRequest getRequest(HttpServletRequest request, HttpServletResponse response) {
        return target(request).map(SimpleSavedRequest::new).orElse(null);
    }

    /** The reader is sent back to a page, never shown the request that asked for it again. */
    @Override
    public @Nullable HttpServletRequest getMatchingRequest(HttpServletRequest request, HttpServletResponse response) {
        return null;
    }

    @Override
    public void removeRequest(HttpServletRequest request, HttpServletResponse response) {
        forget(request, response);
    }

    private static void remember(String target, HttpServletRequest request, HttpServletResponse response) {
        String value = Base64.getUrlEncoder().withoutPadding().encodeToString(target.getBytes(StandardCharsets.UTF_8));
        response.addHeader(
                HttpHeaders.SET_COOKIE, cookie(value, KEPT_FOR, request).toString());
    }

    private static void forget(HttpServletRequest request, HttpServletResponse response) {
        if (request.getCookies() != null) {
            for (Cookie cookie : request.getCookies()) {
                if (COOKIE.equals(cookie.getName())) {
                    response.addHeader(
                            HttpHeaders.SET_COOKIE,
                            cookie("", Duration.ZERO, request).toString());
                    return;
                }
            }
        }
    }

    private static ResponseCookie cookie(String value, Duration maxAge, HttpServletRequest request) {
        return ResponseCookie.from(COOKIE, value)
                .path("/")
                .maxAge(maxAge)
                .httpOnly(true)
                .secure(request.isSecure())
                .sameSite("Lax")
                .build();
    }
}
