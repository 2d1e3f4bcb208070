package org.masthead.membership.web;

import org.masthead.membership.internal.Asks;
import org.masthead.platform.RefusedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The ask's two variants for editors and admins: their copy, whether each runs, and how each does. */
@Controller
@RequestMapping("/admin/membership/asks")
class AskAdminController {

    private final Asks asks;

    AskAdminController(Asks asks) {
        this.asks = asks;
    }

    @GetMapping
    String page(Model model) {
        model.addAttribute("variants", asks.variants());
        model.addAttribute("results", asks.results());
        return "membership/admin-asks";
    }

    @PostMapping
    View update(
            @RequestParam String code,
            @RequestParam String headline,
            @RequestParam String body,
            @RequestParam String button,
            @RequestParam(defaultValue = "false") boolean running,
            RedirectAttributes redirect) {
        try {
            asks.update(code, headline, body, button, running);
            redirect.addFlashAttribute("notice", "Variant " + code + " is saved.");
        } catch (RefusedException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return Redirects.seeOther("/admin/membership/asks");
    }
}
