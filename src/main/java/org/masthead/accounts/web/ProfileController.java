package org.masthead.accounts.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.masthead.accounts.SignedIn;
import org.masthead.accounts.internal.AvatarImages;
import org.masthead.accounts.internal.ProfileRejectedException;
import org.masthead.accounts.internal.Profiles;
import org.masthead.accounts.internal.Profiles.OwnProfile;
import org.masthead.accounts.internal.Profiles.ProfileChange;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A reader's own profile: name, bio, picture and marketing choice, in one form. */
@Controller
class ProfileController {

    /** The picture's field on the form, and the key of its problem. */
    private static final String PICTURE = "avatar";

    private final Profiles profiles;
    private final SecurityContextRepository securityContexts = new HttpSessionSecurityContextRepository();

    ProfileController(Profiles profiles) {
        this.profiles = profiles;
    }

    @GetMapping("/account/profile")
    String edit(@AuthenticationPrincipal SignedIn signedIn, Model model) {
        OwnProfile profile = profiles.own(signedIn.accountId());
        model.addAttribute("form", new ProfileForm(profile.displayName(), profile.bio(), profile.marketingConsent()));
        return page(profile, null, model);
    }

    /**
     * Saves the whole form: name, bio, marketing choice, and the picture when one was chosen (or taken
     * away). Nothing is saved unless all of it can be, and the page comes back with what was typed.
     */
    @PostMapping("/account/profile")
    String save(
            @AuthenticationPrincipal SignedIn signedIn,
            @Valid @ModelAttribute("form") ProfileForm form,
            BindingResult errors,
            @RequestParam(name = "avatar", required = false) @Nullable MultipartFile file,
            Model model,
            RedirectAttributes redirect,
            HttpServletRequest request,
            HttpServletResponse response) {
        String pictureProblem = null;
        byte[] picture = null;
        if (file != null && !file.isEmpty()) {
            if (file.getSize() > AvatarImages.MAX_BYTES) {
                // The server reads somewhat more than we take (see application.properties), so that this is
                // said here, by the form, rather than by an error page.
                response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
                pictureProblem = Profiles.tooLarge();
            } else {
                try {
                    picture = file.getBytes();
                } catch (IOException unreadable) {
                    response.setStatus(HttpStatus.BAD_REQUEST.value());
                    pictureProblem = "The picture did not arrive whole. Try again.";
                }
            }
        }
        if (!errors.hasErrors() && pictureProblem == null) {
            try {
                String displayName = profiles.update(
                        signedIn.accountId(),
                        new ProfileChange(
                                Objects.requireNonNull(form.displayName()),
                                form.bioOrEmpty(),
                                form.consentsToMarketing(),
                                picture,
                                form.removesPicture()));
                if (!displayName.equals(signedIn.displayName())) {
                    rename(signedIn, displayName, request, response);
                }
                redirect.addFlashAttribute("notice", "Your profile is saved.");
                return "redirect:/account/profile";
            } catch (ProfileRejectedException rejected) {
                for (Map.Entry<String, String> problem : rejected.fieldErrors().entrySet()) {
                    if (problem.getKey().equals(PICTURE)) {
                        pictureProblem = problem.getValue();
                    } else {
                        errors.rejectValue(problem.getKey(), "rejected", problem.getValue());
                    }
                }
            }
        }
        return page(profiles.own(signedIn.accountId()), pictureProblem, model);
    }

    private static String page(OwnProfile profile, @Nullable String avatarProblem, Model model) {
        model.addAttribute("profile", profile);
        model.addAttribute("publicProfile", Profiles.path(profile.displayName()));
        model.addAttribute("bioMaxLength", Profiles.BIO_MAX_LENGTH);
        model.addAttribute("avatarProblem", avatarProblem);
        return "accounts/profile";
    }

    /**
     * The session holds the signed-in reader with their name, which the header shows: keep it current.
     * A sign-in through a provider keeps its own kind of token, and shows the new name from the next.
     */
    private void rename(
            SignedIn signedIn, String displayName, HttpServletRequest request, HttpServletResponse response) {
        if (!(SecurityContextHolder.getContext().getAuthentication()
                        instanceof UsernamePasswordAuthenticationToken before)
                || signedIn.getClass() != SignedIn.class) {
            return;
        }
        SignedIn renamed =
                new SignedIn(signedIn.accountId(), displayName, signedIn.roles(), signedIn.isEnabled(), null);
        UsernamePasswordAuthenticationToken after =
                UsernamePasswordAuthenticationToken.authenticated(renamed, null, before.getAuthorities());
        after.setDetails(before.getDetails());
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(after);
        SecurityContextHolder.setContext(context);
        securityContexts.saveContext(context, request, response);
    }
}
