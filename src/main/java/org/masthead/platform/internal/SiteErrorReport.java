package org.masthead.platform.internal;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import org.apache.catalina.Container;
import org.apache.catalina.Context;
import org.apache.catalina.Globals;
import org.apache.catalina.Host;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.tomcat.util.ExceptionUtils;

/**
 * Tomcat refuses some requests before the application sees them, such as an address whose encoded dots
 * climb out of the site ({@code /%2e%2e/etc/passwd}): those are answered by the host's error report,
 * which would show Tomcat's own page. This one hands them to the site's error page instead, as Tomcat
 * does for errors inside the application, with the same status. Whatever fails on the way falls back to
 * Tomcat's page (without its version or details, as Spring Boot configures it).
 */
class SiteErrorReport extends ErrorReportValve {

    SiteErrorReport() {
        setShowReport(false);
        setShowServerInfo(false);
    }

    /** Puts this valve in place of the host's error report: one, never two. */
    static void replaceOn(Host host) {
        for (Valve valve : host.getPipeline().getValves()) {
            if (valve instanceof ErrorReportValve) {
                host.getPipeline().removeValve(valve);
            }
        }
        if (host instanceof StandardHost standard) {
            // So that the host, starting, finds its error report in place and adds no other.
            standard.setErrorReportValveClass(SiteErrorReport.class.getName());
        }
        host.getPipeline().addValve(new SiteErrorReport());
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        Context site = request.getContext() == null ? siteOf(getContainer()) : null;
        if (site == null || response.getStatus() < 400 || response.getContentWritten() > 0 || response.isCommitted()) {
            super.report(request, response, throwable);
            return;
        }
        int status = response.getStatus();
        String uri = request.getRequestURI();
        try {
            request.getMappingData().context = site;
            request.setAttribute(Globals.DISPATCHER_TYPE_ATTR, DispatcherType.ERROR);
            request.setAttribute(Globals.DISPATCHER_REQUEST_PATH_ATTR, "/error");
            request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, status);
            request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, uri);
            request.setAttribute(RequestDispatcher.ERROR_METHOD, request.getMethod());
            RequestDispatcher errorPage = site.getServletContext().getRequestDispatcher("/error");
            if (!response.setErrorReported() || errorPage == null) {
                return;
            }
            response.resetBuffer(true);
            response.setContentLength(-1);
            errorPage.forward(request.getRequest(), response.getResponse());
            response.setSuspended(false);
        } catch (Throwable failed) {
            ExceptionUtils.handleThrowable(failed);
            getContainer().getLogger().warn("The site's error page could not answer a request Tomcat refused", failed);
        }
    }

    private static Context siteOf(Container host) {
        for (Container child : host.findChildren()) {
            if (child instanceof Context context && context.getPath().isEmpty()) {
                return context;
            }
        }
        return null;
    }
}
