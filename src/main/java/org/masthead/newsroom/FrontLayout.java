package org.masthead.newsroom;

/** How a story pinned to a front is shown there. */
public enum FrontLayout {
    /** The biggest story on the front, with its picture large and its standfirst. */
    LEAD("Lead"),
    /** A story across the width of the top stories, with its standfirst. */
    BIG("Big"),
    /** A line of news: kicker, headline and a small picture. */
    STANDARD("Standard");

    private final String label;

    FrontLayout(String label) {
        this.label = label;
    }

    /** The name editors see. */
    public String label() {
        return label;
    }
}
