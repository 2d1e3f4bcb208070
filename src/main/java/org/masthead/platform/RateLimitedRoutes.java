package org.masthead.platform;

import java.util.List;

/**
 * A module's rate-limited routes. Each module declares a bean of this type next to its controllers;
 * the platform counts every request to them before it reaches security or any handler.
 */
@FunctionalInterface
public interface RateLimitedRoutes {

    List<RateLimitedRoute> routes();
}
