package org.masthead;

import jakarta.servlet.Filter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Counts the SQL statements that requests send to the database, and the transactions they end, for tests that keep a page from asking more
 * questions than it needs. Only statements sent while a request is being served, or by the test's own thread
 * inside {@link #during}, count, so background work (mail, events) running meanwhile does not. {@code @Import}
 * it into a test.
 */
@TestConfiguration(proxyBeanMethods = false)
public class StatementCount {

    private static final ThreadLocal<Boolean> SERVING = ThreadLocal.withInitial(() -> false);

    private final AtomicInteger statements = new AtomicInteger();
    private final AtomicInteger transactions = new AtomicInteger();

    /** How many statements requests sent while {@code request} ran. */
    public int during(Runnable request) {
        int before = statements.get();
        serving(request);
        return statements.get() - before;
    }

    /** How many transactions requests committed or rolled back while {@code request} ran. */
    public int transactionsDuring(Runnable request) {
        int before = transactions.get();
        serving(request);
        return transactions.get() - before;
    }

    private static void serving(Runnable work) {
        SERVING.set(true);
        try {
            work.run();
        } finally {
            SERVING.remove();
        }
    }

    @Bean
    static BeanPostProcessor countingDataSource(StatementCount count) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                return bean instanceof DataSource dataSource ? count.wrap(dataSource) : bean;
            }
        };
    }

    /** First of all filters, so that reading the session counts too. */
    @Bean
    static FilterRegistrationBean<Filter> statementCountingScope() {
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>((request, response, chain) -> {
            SERVING.set(true);
            try {
                chain.doFilter(request, response);
            } finally {
                SERVING.remove();
            }
        });
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    private DataSource wrap(DataSource dataSource) {
        return new DelegatingDataSource(dataSource) {
            @Override
            public Connection getConnection() throws java.sql.SQLException {
                return counting(super.getConnection());
            }
        };
    }

    private Connection counting(Connection connection) {
        return (Connection) Proxy.newProxyInstance(
                Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    if ((method.getName().equals("prepareStatement")
                                    || method.getName().equals("createStatement"))
                            && SERVING.get()) {
                        statements.incrementAndGet();
                    }
                    if ((method.getName().equals("commit") || method.getName().equals("rollback")) && SERVING.get()) {
                        transactions.incrementAndGet();
                    }
                    try {
                        return method.invoke(connection, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
