package org.masthead.newsroom.internal;

import org.masthead.accounts.Bylines;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The authors' names, which readers may not take as their own (see {@link Bylines}). */
@Component
class AuthorBylines implements Bylines {

    private final JdbcClient db;

    AuthorBylines(JdbcClient db) {
        this.db = db;
    }

    @Override
    public boolean isByline(String name) {
        return db.sql("SELECT EXISTS (SELECT 1 FROM author WHERE lower(name) = lower(:name))")
                .param("name", name)
                .query(Boolean.class)
                .single();
    }
}
