package org.masthead.platform.internal;

import jakarta.servlet.RequestDispatcher;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Jetty refuses some requests before the web application sees them: an address whose encoded dots climb
 * out of the site ({@code /%2e%2e/etc/passwd}), a request line longer than it reads, a header it cannot
 * parse. It answers those from the server's error handler, which would show Jetty's own page. This one
 * asks the site for its error page instead ({@link ErrorPages}, at {@code /error}, as for errors inside
 * the application), with the same status; if that fails, Jetty's page (without details) it is.
 */
final class SiteErrorHandler extends ErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(SiteErrorHandler.class);

    private static final String ASKED = SiteErrorHandler.class.getName() + ".ASKED";

    private final Handler site;

    SiteErrorHandler(Handler site) {
        this.site = site;
        setShowStacks(false);
        setShowCauses(false);
        setShowMessageInTitle(false);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        // Only what Jetty refused itself: an error inside the site has had the site's error page already, or
        // failed it, and asking the site again would fail again, for ever.
        if (!(request.getAttribute(ERROR_EXCEPTION) instanceof HttpException refusal)
                || request.getAttribute(ASKED) != null
                || refusal.getCode() < 400
                || response.isCommitted()) {
            return super.handle(request, response, callback);
        }
        int status = refusal.getCode();
        request.setAttribute(ASKED, true);
        HttpURI errorPage = HttpURI.build()
                .scheme(
                        request.getHttpURI().getScheme() == null
                                ? "http"
                                : request.getHttpURI().getScheme())
                .host(Request.getServerName(request))
                .port(Request.getServerPort(request))
                .path("/error")
                .asImmutable();
        String method = request.getMethod();
        Request asking = new Request.Wrapper(request) {
            @Override
            public HttpURI getHttpURI() {
                return errorPage;
            }

            @Override
            public String getMethod() {
                return "GET";
            }
        };
        asking.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, status);
        asking.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, "/");
        asking.setAttribute(RequestDispatcher.ERROR_METHOD, method);
        response.setStatus(status);
        // The page is rendered by the application, which may block: never on the thread that read the request.
        request.getContext().execute(() -> {
            try {
                if (!site.handle(asking, response, callback)) {
                    super.handle(request, response, callback);
                }
            } catch (Throwable failed) {
                log.warn("The site's error page could not answer a request Jetty refused", failed);
                try {
                    super.handle(request, response, callback);
                } catch (Throwable alsoFailed) {
                    callback.failed(alsoFailed);
                }
            }
        });
        return true;
    }
}
