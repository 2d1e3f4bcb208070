package org.masthead.membership.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.view.RedirectView;

/** After a form is posted, the browser is sent on with 303 See Other: it fetches the next page with GET. */
final class Redirects {

    private Redirects() {}

    static RedirectView seeOther(String path) {
        RedirectView view = new RedirectView(path, true);
        view.setStatusCode(HttpStatus.SEE_OTHER);
        return view;
    }
}
