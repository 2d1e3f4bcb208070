package org.masthead.newsroom;

/** A correction with the published article it belongs to, as the corrections page lists them. */
public record CorrectedArticle(Correction correction, ArticleCard article) {}
