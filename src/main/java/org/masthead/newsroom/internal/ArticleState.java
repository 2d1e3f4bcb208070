package org.masthead.newsroom.internal;

/** Where an article stands in the workflow: draft → in review → published; scheduled; unpublished. */
public enum ArticleState {
    DRAFT("Draft"),
    IN_REVIEW("In review"),
    SCHEDULED("Scheduled"),
    PUBLISHED("Published"),
    UNPUBLISHED("Unpublished");

    private final String label;

    ArticleState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether readers can see it now. */
    public boolean isLive() {
        return this == PUBLISHED;
    }
}
