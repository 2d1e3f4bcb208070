package org.masthead.platform.internal;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.module.SimpleModule;

/**
 * JSON request bodies are read as Spring Boot configures JSON, except that their strings may not hold
 * control characters (see {@link ControlCharacterStrings}). The converter keeps its place in the list,
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
                        ? new JacksonJsonHttpMessageConverter(
                                json.getMapper().rebuild().addModule(strings).build())
                        : converter));
    }
}
