package org.masthead.platform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a controller method: the page it answers may be read a moment behind the latest writes, so with a
 * read replica configured ({@code masthead.db.replica-url}) its database reads go to the replica, and
 * otherwise to the primary like everything else. For public pages that are cached and dropped when their
 * content changes (fronts, feeds, thread fragments, profiles, search): while the replica has not replayed
 * a change this node has heard of, their reads go to the primary instead, so a page dropped for a change
 * is never rendered again without it.
 *
 * <p>Nothing the method does may write, or read what the same request has just written: a replica refuses
 * writes, and may not have the write yet. A read inside a transaction already begun stays on that
 * transaction's connection.
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface StaleReads {}
