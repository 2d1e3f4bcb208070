package org.masthead.platform.internal;

import jakarta.servlet.http.HttpServletRequest;
import org.masthead.platform.RejectedException;
import org.springframework.beans.PropertyAccessException;
import org.springframework.http.HttpMethod;
import org.springframework.validation.BindingResult;
import org.springframework.validation.DefaultBindingErrorProcessor;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * A form value of the wrong type (a checkbox sent as {@code abc}, a number sent as a word) is refused with
 * a 400 before any handler runs. No page of ours lets a reader type one: the framework's own message
 * names Java types, and a form record that cannot be built leaves its page with nothing to show.
 */
@ControllerAdvice
class UnreadableForms {

    private static final DefaultBindingErrorProcessor REFUSING = new DefaultBindingErrorProcessor() {
        @Override
        public void processPropertyAccessException(PropertyAccessException e, BindingResult result) {
            throw RejectedException.unreadable(e.getPropertyName() == null ? "form" : e.getPropertyName());
        }
    };

    /** A GET's values come from its address, typed or followed, not from a form. */
    private static final DefaultBindingErrorProcessor REFUSING_ADDRESS = new DefaultBindingErrorProcessor() {
        @Override
        public void processPropertyAccessException(PropertyAccessException e, BindingResult result) {
            throw RejectedException.unreadableInAddress(e.getPropertyName() == null ? "address" : e.getPropertyName());
        }
    };

    @InitBinder
    void refuseValuesNoPageSends(WebDataBinder binder, HttpServletRequest request) {
        boolean address = HttpMethod.GET.matches(request.getMethod()) || HttpMethod.HEAD.matches(request.getMethod());
        binder.setBindingErrorProcessor(address ? REFUSING_ADDRESS : REFUSING);
    }
}
