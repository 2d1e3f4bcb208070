package org.masthead.moderation.web;

import jakarta.servlet.http.HttpServletResponse;
import org.masthead.accounts.SignedIn;
import org.masthead.moderation.internal.WordLists;
import org.masthead.platform.ConflictException;
import org.masthead.platform.NotFoundException;
import org.masthead.platform.RejectedException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The banned and suspect words, managed by moderators; a change takes effect on every node at once. */
@Controller
class WordListsController {

    private final WordLists words;

    WordListsController(WordLists words) {
        this.words = words;
    }

    @GetMapping("/moderation/words")
    String lists(Model model) {
        model.addAttribute("lists", words.all());
        return "moderation/words";
    }

    @PostMapping("/moderation/words")
    String add(
            @RequestParam(defaultValue = "") String list,
            @RequestParam(defaultValue = "") String word,
            @AuthenticationPrincipal SignedIn moderator,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        WordLists.Kind kind = kind(list);
        try {
            words.add(kind, word, moderator.accountId());
            redirect.addFlashAttribute("message", "Added “" + word.strip() + "” to the " + kind.code() + " words.");
        } catch (RejectedException refused) {
            // Beside the field of the list it was for, with what was typed: the page has one form per list.
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("refusedList", kind.code());
            model.addAttribute("refusedWord", word);
            model.addAttribute(
                    "wordError", String.join(" ", refused.fieldErrors().values()));
            return lists(model);
        } catch (ConflictException taken) {
            redirect.addFlashAttribute("message", taken.detail());
        }
        return "redirect:/moderation/words";
    }

    @PostMapping("/moderation/words/remove")
    String remove(
            @RequestParam(defaultValue = "") String list,
            @RequestParam(defaultValue = "") String skeleton,
            RedirectAttributes redirect) {
        WordLists.Kind kind = kind(list);
        redirect.addFlashAttribute(
                "message",
                words.remove(kind, skeleton)
                        ? "Removed it from the " + kind.code() + " words."
                        : "That word is not on the " + kind.code() + " words: nothing was removed.");
        return "redirect:/moderation/words";
    }

    private static WordLists.Kind kind(String list) {
        WordLists.Kind kind = WordLists.Kind.of(list);
        if (kind == null) {
            throw new NotFoundException("There is no such list.");
        }
        return kind;
    }
}
