package org.masthead.discussion.web;

import org.masthead.discussion.internal.Comments;
import org.masthead.platform.AccessRules;
import org.masthead.platform.RateLimit;
import org.masthead.platform.StaffAccess;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;

/**
 * Conversations are for everyone to read, and for signed-in readers to take part in (the rules for
 * who may post, such as a confirmed address, are the discussion's own and answered with a reason).
 * Opening and closing an article's comments is for editors (and admins, who may do what editors do) with
 * both factors, like every staff area.
 * Posting is rate-limited per reader.
 */
@Configuration(proxyBeanMethods = false)
class DiscussionSecurity {

    @Bean
    @Order(0)
    AccessRules discussionRules() {
        return routes -> routes.requestMatchers("/discussion/*/settings")
                .access(StaffAccess.requiresAnyOf("EDITOR", "ADMIN"))
                .requestMatchers(HttpMethod.GET, "/discussion/**", "/comment/*")
                .permitAll()
                .requestMatchers(HttpMethod.POST, "/discussion/**")
                .authenticated()
                .requestMatchers(HttpMethod.GET, "/following")
                .authenticated();
    }

    /** Applied by the posting service, once it knows who is posting. */
    @Bean
    RateLimit commentsPerReader() {
        return Comments.COMMENTS_PER_READER;
    }
}
