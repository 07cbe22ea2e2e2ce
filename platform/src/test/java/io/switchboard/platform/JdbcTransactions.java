package io.switchboard.platform;

import io.switchboard.platform.tx.Transactions;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.Callable;

/** Plain-JDBC transactions for testing the platform's core without a Quarkus application. */
final class JdbcTransactions implements Transactions {

    private final DataSource dataSource;
    private final ThreadLocal<Connection> current = new ThreadLocal<>();

    JdbcTransactions(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public <T> T inNewTransaction(Callable<T> work) {
        Connection outer = current.get();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            current.set(c);
            try {
                T result = work.call();
                c.commit();
                return result;
            } catch (Exception e) {
                c.rollback();
                throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        } finally {
            current.set(outer);
        }
    }

    @Override
    public <T> T withConnection(SqlWork<T> work) {
        try {
            Connection c = current.get();
            if (c != null) {
                return work.apply(c);
            }
            try (Connection auto = dataSource.getConnection()) {
                return work.apply(auto);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
