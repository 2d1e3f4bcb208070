package org.masthead.newsroom;

/**
 * A correction with the article it belongs to, as the corrections page lists them. The record of a
 * correction is permanent: it stays on the page after its article is withdrawn, saying so.
 *
 * @param article the article as it was published, or as it stands since it was withdrawn
 * @param withdrawn whether the article has been taken off the site since
 */
public record CorrectedArticle(Correction correction, ArticleCard article, boolean withdrawn) {}
