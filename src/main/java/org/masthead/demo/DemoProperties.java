package org.masthead.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Whether a new site starts with demo content.
 *
 * @param demoContent whether an empty site is filled with demo sections, authors, tags, articles and conversations on its
 *     first start; set {@code masthead.demo-content=false} for a site that carries its own journalism from
 *     day one. Demo content is loaded at most once, so turning this on later has no effect on a site that
 *     has already started.
 */
@ConfigurationProperties("masthead")
public record DemoProperties(@DefaultValue("true") boolean demoContent) {}
