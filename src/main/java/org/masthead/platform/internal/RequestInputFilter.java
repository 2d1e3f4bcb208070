package org.masthead.platform.internal;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.masthead.platform.BodyLimit;
import org.masthead.platform.ControlCharacters;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.PathContainer;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Refuses input we would not take before anything reads it, so that it costs next to nothing and
 * changes nothing:
 *
 * <ul>
 *   <li>a body larger than its limit ({@code masthead.web.max-body-size}, or {@code
 *       max-webhook-body-size} for {@code /webhooks/}, or a route's own {@link BodyLimit}): 413 from its
 *       {@code Content-Length}, unread;
 *       one without a length (chunked) is read through a stream that refuses to go past the limit.
 *       Uploads ({@code multipart/form-data}) have their own, larger, limits
 *       ({@code spring.servlet.multipart.*}). A form without a length is read by the server itself, as far
 *       as the largest of the limits: where the path's limit is smaller, it is
 *       refused with 411 (browsers always send a form's length);
 *   <li>a parameter, in the address or a form, with a control character in its name or value (see
 *       {@link ControlCharacters}): 400. JSON bodies are checked as they are read (see {@link
 *       ControlCharacterStrings}).
 * </ul>
 *
 * <p>It also gives every parameter its line breaks as one character each. A browser counts a textarea's
 * line break as one character against its {@code maxlength} but sends it as two (CR LF, as HTML's form
 * encoding says), so a text the field accepted would be too long for the server's own limit of the same
 * number. Made one here, every form's text is counted as its author saw it, whichever controller reads it.
 *
 * The answer is the error page, or problem details for a program ({@link ErrorPages}).
 */
class RequestInputFilter extends OncePerRequestFilter {

    private final WebInputProperties limits;
    private final Map<PathPattern, Long> routeLimits;
    private final long formLimit;
    private final long uploadLimit;

    /**
     * @param routeLimits the paths that have their own limit (see {@link BodyLimit})
     * @param formLimit how much of a form without a length the server reads ({@code maxFormContentSize})
     * @param uploadLimit the largest upload read ({@code spring.servlet.multipart.max-request-size})
     */
    RequestInputFilter(WebInputProperties limits, List<BodyLimit> routeLimits, long formLimit, long uploadLimit) {
        this.limits = limits;
        this.routeLimits = new LinkedHashMap<>();
        for (BodyLimit limit : routeLimits) {
            this.routeLimits.put(
                    PathPatternParser.defaultInstance.parse(limit.path()),
                    limit.maxSize().toBytes());
        }
        this.formLimit = formLimit;
        this.uploadLimit = uploadLimit;
    }

    /** The limit of a body sent to this path: its route's own, or the usual one. */
    private long limitFor(String path) {
        if (!routeLimits.isEmpty()) {
            PathContainer parsed = PathContainer.parsePath(path);
            for (Map.Entry<PathPattern, Long> route : routeLimits.entrySet()) {
                if (route.getKey().matches(parsed)) {
                    return route.getValue();
                }
            }
        }
        return limits.forPath(path);
    }

    private static final long DISCARDED = 32 * 1024 * 1024;

    /** A request attribute: the body was refused unread, and nothing that shows the error may read it. */
    private static final String UNREAD = RequestInputFilter.class.getName() + ".UNREAD";

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getDispatcherType() == DispatcherType.ERROR) {
            // The error page of a request refused here is not refused again. It runs the security filters again,
            // some of which read a parameter: for an upload refused unread, that would have the server read the
            // whole body, which it refuses to do past its limit, and answer with its own page instead of ours.
            chain.doFilter(request.getAttribute(UNREAD) == null ? request : new WithoutBody(request), response);
            return;
        }
        HttpServletRequest read = request;
        if (!isUpload(request)) {
            long limit = limitFor(request.getRequestURI());
            long length = request.getContentLengthLong();
            if (length > limit) {
                refuseTooLarge(request, response);
                return;
            }
            if (length < 0 && request.getHeader("Transfer-Encoding") != null) {
                // The server reads such a form itself, as far as the largest route's limit: no browser sends one.
                if (isForm(request) && limit < formLimit) {
                    response.sendError(HttpStatus.LENGTH_REQUIRED.value());
                    return;
                }
                read = new BoundedBody(request, limit);
            }
        } else if (request.getContentLengthLong() > uploadLimit) {
            // Not read at all: the server would stop reading it at this limit and fail the parameters. Nor
            // by the error page (see doFilterNestedErrorDispatch).
            request.setAttribute(UNREAD, true);
            refuseTooLarge(request, response);
            return;
        }
        Map<String, String[]> parameters = request.getParameterMap();
        if (controlCharacterIn(parameters)) {
            request.setAttribute(ErrorPages.DETAIL, ControlCharacters.REFUSED);
            response.sendError(HttpStatus.BAD_REQUEST.value());
            return;
        }
        if (lineBreakIn(parameters)) {
            read = new OneCharacterLineBreaks(read);
        }
        chain.doFilter(read, response);
    }

    /**
     * Answers 413, having read and thrown away a body up to {@link #DISCARDED} long: a client still sending
     * when the server stops reading sees a reset connection, not the page that says why. A phone's largest
     * photos fit; beyond this the connection is closed after the answer.
     */
    private static void refuseTooLarge(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (request.getContentLengthLong() <= DISCARDED) {
            request.getInputStream().skip(DISCARDED);
        }
        response.sendError(HttpStatus.CONTENT_TOO_LARGE.value());
    }

    private static boolean lineBreakIn(Map<String, String[]> parameters) {
        for (String[] values : parameters.values()) {
            for (String value : values) {
                if (value.indexOf('\r') >= 0) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The request's parameters with each CR LF, or a CR alone, read as one line feed. */
    /** A request whose body is never read: no parameters but the address's, no parts, nothing to read. */
    private static final class WithoutBody extends HttpServletRequestWrapper {

        WithoutBody(HttpServletRequest request) {
            super(request);
        }

        @Override
        public @Nullable String getContentType() {
            return null;
        }

        @Override
        public int getContentLength() {
            return 0;
        }

        @Override
        public long getContentLengthLong() {
            return 0;
        }

        @Override
        public @Nullable String getParameter(String name) {
            return null;
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return Map.of();
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.emptyEnumeration();
        }

        @Override
        public String @Nullable [] getParameterValues(String name) {
            return null;
        }

        @Override
        public Collection<Part> getParts() {
            return List.of();
        }

        @Override
        public @Nullable Part getPart(String name) {
            return null;
        }
    }

    private static final class OneCharacterLineBreaks extends HttpServletRequestWrapper {

        private final Map<String, String[]> parameters;

        OneCharacterLineBreaks(HttpServletRequest request) {
            super(request);
            Map<String, String[]> normalised = new java.util.LinkedHashMap<>();
            request.getParameterMap().forEach((name, values) -> {
                String[] lines = new String[values.length];
                for (int i = 0; i < values.length; i++) {
                    lines[i] = values[i].replace("\r\n", "\n").replace('\r', '\n');
                }
                normalised.put(name, lines);
            });
            this.parameters = java.util.Collections.unmodifiableMap(normalised);
        }

        @Override
        public @Nullable String getParameter(String name) {
            String[] values = parameters.get(name);
            return values == null || values.length == 0 ? null : values[0];
        }

        @Override
        public String @Nullable [] getParameterValues(String name) {
            String[] values = parameters.get(name);
            return values == null ? null : values.clone();
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return parameters;
        }

        @Override
        public java.util.Enumeration<String> getParameterNames() {
            return java.util.Collections.enumeration(parameters.keySet());
        }
    }

    private static boolean isForm(HttpServletRequest request) {
        String type = request.getContentType();
        String form = "application/x-www-form-urlencoded";
        return type != null && type.regionMatches(true, 0, form, 0, form.length());
    }

    private static boolean isUpload(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.regionMatches(true, 0, "multipart/", 0, "multipart/".length());
    }

    private static boolean controlCharacterIn(Map<String, String[]> parameters) {
        for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
            if (ControlCharacters.in(parameter.getKey())) {
                return true;
            }
            for (String value : parameter.getValue()) {
                if (ControlCharacters.in(value)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A request whose body ends in {@link BodyTooLargeException} once more than the limit is read. */
    private static final class BoundedBody extends HttpServletRequestWrapper {

        private final long limit;
        private @Nullable ServletInputStream stream;

        BoundedBody(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new BoundedStream(super.getInputStream(), limit);
            }
            return stream;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.ISO_8859_1 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }
    }

    private static final class BoundedStream extends ServletInputStream {

        private final ServletInputStream in;
        private final long limit;
        private long read;

        BoundedStream(ServletInputStream in, long limit) {
            this.in = in;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            // One byte more than the limit allows is enough to know it is too large.
            int n = in.read(buffer, offset, (int) Math.min(length, limit - read + 1));
            if (n > 0) {
                counted(n);
            }
            return n;
        }

        private void counted(int n) throws BodyTooLargeException {
            read += n;
            if (read > limit) {
                throw new BodyTooLargeException(limit);
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
