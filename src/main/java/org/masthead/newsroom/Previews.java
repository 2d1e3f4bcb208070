package org.masthead.newsroom;

import java.time.Clock;
import org.masthead.accounts.SignedIn;
import org.masthead.newsroom.internal.ArticleRepository;
import org.masthead.newsroom.internal.Desk;
import org.masthead.newsroom.internal.Staff;
import org.masthead.platform.NotAllowedException;
import org.masthead.platform.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Articles as readers would see them before they are published, for the staff working on them. */
@Service
@Transactional(readOnly = true)
public class Previews {

    private final Desk desk;
    private final ArticleRepository articles;
    private final PublishedContent content;
    private final Clock clock;

    Previews(Desk desk, ArticleRepository articles, PublishedContent content, Clock clock) {
        this.desk = desk;
        this.articles = articles;
        this.content = content;
        this.clock = clock;
    }

    /**
     * The article with its words and placement as last saved, whatever its state, as if it were
     * published now; a draft is dated now.
     *
     * @throws NotFoundException when there is no such article
     * @throws NotAllowedException when this person may not open it in the newsroom (a journalist and
     *     another's article)
     */
    public PublishedArticle article(SignedIn who, long id) {
        desk.open(Staff.of(who), id);
        return articles.asItStands(id, clock.instant())
                .map(content::toArticle)
                .orElseThrow(() -> new NotFoundException("There is no article " + id + " in the newsroom."));
    }
}
