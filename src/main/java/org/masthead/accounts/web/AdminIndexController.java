package org.masthead.accounts.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** {@code /admin}: the admin pages in one list, the same one an admin's account page shows. */
@Controller
class AdminIndexController {

    @GetMapping("/admin")
    String index() {
        return "admin/index";
    }
}
