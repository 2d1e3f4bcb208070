package org.masthead.mail;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.jspecify.annotations.Nullable;

/**
 * An address the {@link Mailer} can write to, leading and trailing spaces aside: a form checks what it
 * takes with the rule a {@link Mail} is held to, so that no address is accepted that no mail could then be
 * sent to. Blank passes: say with {@code @NotBlank} whether the field is required.
 */
@Documented
@Constraint(validatedBy = DeliverableAddress.Check.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface DeliverableAddress {

    String message() default "Enter an e-mail address like name@example.com.";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Check implements ConstraintValidator<DeliverableAddress, String> {

        @Override
        public boolean isValid(@Nullable String value, ConstraintValidatorContext context) {
            return value == null || value.isBlank() || Mail.isAddress(value.strip());
        }
    }
}
