package org.masthead.platform.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.ResolvableType;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

/**
 * JSON request bodies are read as Spring Boot configures JSON, except that their strings may not hold
 * control characters (see {@link ControlCharacterStrings}), text is not taken from a number or a boolean,
 * and a key may appear once in an object. The converter keeps its place in the list,
 * so that a body read as a {@code String} is still read as it is.
 */
@Configuration(proxyBeanMethods = false)
class JsonBodies implements WebMvcConfigurer {

    @Override
    public void configureMessageConverters(HttpMessageConverters.ServerBuilder builder) {
        SimpleModule strings =
                new SimpleModule("control-characters").addDeserializer(String.class, new ControlCharacterStrings());
        builder.configureMessageConvertersList(converters ->
                converters.replaceAll(converter -> converter instanceof JacksonJsonHttpMessageConverter json
                        ? new StrictUtf8(json.getMapper()
                                .rebuild()
                                .addModule(strings)
                                // A number or a boolean where text belongs is not text; a key twice is not one value.
                                .withCoercionConfig(LogicalType.Textual, text -> text.setCoercion(
                                                CoercionInputShape.Integer, CoercionAction.Fail)
                                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                                .build())
                        : converter));
    }

    /**
     * Reads only well-formed UTF-8, as RFC 8259 asks: Jackson's own decoder takes an overlong form such as
     * {@code C0 BC} for {@code <}, which would let a character past a check made on the bytes. A body is
     * bounded before it gets here (see {@link RequestInputFilter}), so it is checked whole.
     */
    private static final class StrictUtf8 extends JacksonJsonHttpMessageConverter {

        StrictUtf8(JsonMapper mapper) {
            super(mapper);
        }

        @Override
        public Object read(ResolvableType type, HttpInputMessage input, @Nullable Map<String, Object> hints)
                throws IOException {
            byte[] body = input.getBody().readAllBytes();
            try {
                StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(body));
            } catch (CharacterCodingException e) {
                throw new HttpMessageNotReadableException("The body is not well-formed UTF-8", e, input);
            }
            return super.read(type, new Buffered(body, input.getHeaders()), hints);
        }
    }

    private record Buffered(byte[] body, HttpHeaders headers) implements HttpInputMessage {

        @Override
        public InputStream getBody() {
            return new ByteArrayInputStream(body);
        }

        @Override
        public HttpHeaders getHeaders() {
            return headers;
        }
    }
}
