package org.masthead.newsroom.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.masthead.newsroom.internal.wire.WireDesk;
import org.masthead.newsroom.internal.wire.WireFormat;
import org.masthead.newsroom.internal.wire.WireParsers;
import org.masthead.newsroom.internal.wire.WireProperties;
import org.masthead.newsroom.internal.wire.WireRejectedException;
import org.masthead.platform.NotAuthenticatedException;
import org.masthead.platform.NotFoundException;
import org.masthead.platform.RejectedException;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/wires}: an agency's program delivers one story (or a NewsML-G2 message of several),
 * as ninjs ({@code application/json}), NewsML-G2 ({@code application/xml}) or plain text ({@code
 * text/plain}; {@code ?name=} names it, as a file's name would). Answers:
 *
 * <ul>
 *   <li>201 with what became of each story when one was new or a newer version; 200 when all were
 *       duplicates or older versions;
 *   <li>400 (problem+json) with the reason when the copy cannot be taken: nothing is kept;
 *   <li>401 without the right bearer token; 404 when no token is configured (the API is closed);
 *   <li>413 for a body larger than {@code masthead.wires.max-size}, refused unread; 415 for another type.
 * </ul>
 */
@RestController
class WireApiController {

    /** What became of each story delivered. */
    record Received(List<Story> stories) {}

    record Story(long id, String guid, int version, String outcome) {}

    private static final List<MediaType> TAKEN =
            List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_XML, MediaType.TEXT_XML, MediaType.TEXT_PLAIN);

    private final WireProperties properties;
    private final WireDesk desk;

    WireApiController(WireProperties properties, WireDesk desk) {
        this.properties = properties;
        this.desk = desk;
    }

    /** The body is read only once the token is right: anyone may post here. */
    @PostMapping(WireSecurity.API)
    ResponseEntity<Received> receive(
            @RequestHeader(value = "Authorization", required = false) @Nullable String authorization,
            @RequestHeader(value = "Content-Type", required = false) @Nullable String contentType,
            @RequestParam(defaultValue = "") String name,
            InputStream body)
            throws IOException, HttpMediaTypeNotSupportedException {
        requireToken(authorization);
        WireFormat format = formatOf(contentType);
        byte[] content = body.readNBytes((int) properties.maxSize().toBytes() + 1);
        if (content.length > properties.maxSize().toBytes()) {
            throw new RejectedException("Too large", "The copy is larger than we take (masthead.wires.max-size).");
        }
        List<WireDesk.Taken> taken;
        try {
            taken = desk.take(
                    WireParsers.parse(format, content, name.strip(), properties.defaultAgency()), format, "API");
        } catch (WireRejectedException e) {
            throw new RejectedException("The copy cannot be taken", e.getMessage());
        }
        boolean changed = taken.stream()
                .anyMatch(t -> t.outcome() == WireDesk.Outcome.CREATED || t.outcome() == WireDesk.Outcome.UPDATED);
        return ResponseEntity.status(changed ? HttpStatus.CREATED : HttpStatus.OK)
                .body(new Received(taken.stream()
                        .map(t -> new Story(
                                t.itemId(),
                                t.guid(),
                                t.version(),
                                t.outcome().name().toLowerCase(Locale.ROOT)))
                        .toList()));
    }

    private void requireToken(@Nullable String authorization) {
        if (!properties.apiOpen()) {
            throw new NotFoundException("The wire API is not open here.");
        }
        byte[] expected = ("Bearer " + properties.token()).getBytes(StandardCharsets.UTF_8);
        if (authorization == null
                || !MessageDigest.isEqual(expected, authorization.strip().getBytes(StandardCharsets.UTF_8))) {
            throw new NotAuthenticatedException(
                    "Bearer realm=\"wires\"", "Send the wire token as Authorization: Bearer <token>.");
        }
    }

    private static WireFormat formatOf(@Nullable String contentType) throws HttpMediaTypeNotSupportedException {
        try {
            if (contentType != null) {
                var format = WireFormat.ofMediaType(MediaType.parseMediaType(contentType));
                if (format.isPresent()) {
                    return format.get();
                }
            }
        } catch (InvalidMediaTypeException e) {
            // answered below
        }
        throw new HttpMediaTypeNotSupportedException(
                contentType == null ? null : MediaType.APPLICATION_OCTET_STREAM, TAKEN);
    }
}
