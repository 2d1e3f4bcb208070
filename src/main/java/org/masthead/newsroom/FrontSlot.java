package org.masthead.newsroom;

/** A published story an editor pinned to a front, with the layout chosen for it. */
public record FrontSlot(ArticleCard card, FrontLayout layout) {}
