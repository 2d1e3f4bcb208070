package org.masthead.mail.internal;

import org.masthead.mail.MailProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;

@Configuration(proxyBeanMethods = false)
class MailDeliveryConfiguration {

    /** Spring Boot configures a {@link JavaMailSender} exactly when {@code spring.mail.host} is set. */
    @Bean
    MailDelivery mailDelivery(ObjectProvider<JavaMailSender> smtp, MailProperties properties) {
        JavaMailSender sender = smtp.getIfAvailable();
        return sender == null ? new LoggedDelivery() : new SmtpDelivery(sender, properties.from());
    }
}
