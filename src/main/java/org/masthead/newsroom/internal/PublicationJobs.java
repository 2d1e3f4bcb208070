package org.masthead.newsroom.internal;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.time.Instant;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * Scheduled publication as db-scheduler jobs, one per article, kept in PostgreSQL: a node claims a
 * due job with a row lock, so it runs once however many nodes there are, and a job that fell due
 * while every node was down runs when one comes back. The job only asks the desk to publish; the
 * desk publishes only what is still scheduled, so a job that outlived its schedule does nothing.
 */
@Configuration(proxyBeanMethods = false)
public class PublicationJobs {

    static final String TASK = "publish-article";

    private final SchedulerClient scheduler;
    private final OneTimeTask<Void> task;

    PublicationJobs(@Lazy SchedulerClient scheduler, @Lazy OneTimeTask<Void> publishArticle) {
        this.scheduler = scheduler;
        this.task = publishArticle;
    }

    @Bean
    static OneTimeTask<Void> publishArticle(@Lazy Desk desk) {
        return Tasks.oneTime(TASK)
                .execute((instance, context) -> desk.publishAsScheduled(Long.parseLong(instance.getId())));
    }

    void publishAt(long articleId, Instant at) {
        scheduler.schedule(
                task.instance(String.valueOf(articleId)), at, SchedulerClient.ScheduleOptions.WHEN_EXISTS_RESCHEDULE);
    }

    void cancel(long articleId) {
        TaskInstanceId id = task.instanceId(String.valueOf(articleId));
        if (scheduler.getScheduledExecution(id).isPresent()) {
            scheduler.cancel(id);
        }
    }
}
