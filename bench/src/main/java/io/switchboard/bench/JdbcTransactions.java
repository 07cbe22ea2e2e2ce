package io.switchboard.bench;

import io.switchboard.platform.tx.Transactions;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.Callable;

/**
 * Plain-JDBC transactions, so the platform's outbox and consumer can be measured without a Quarkus application. Each
 * thread keeps its connection open between transactions, as the services' connection pool does.
 */
final class JdbcTransactions implements Transactions {

    private final DataSource dataSource;
    private final ThreadLocal<Connection> current = new ThreadLocal<>();
    private final ThreadLocal<Connection> pooled = new ThreadLocal<>();

    JdbcTransactions(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public <T> T inNewTransaction(Callable<T> work) {
        Connection outer = current.get();
        try {
            Connection c = outer == null ? pooledConnection() : dataSource.getConnection();
            c.setAutoCommit(false);
            current.set(c);
            try {
                T result = work.call();
                c.commit();
                return result;
            } catch (Exception e) {
                c.rollback();
                throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
            } finally {
                if (outer != null) {
                    c.close();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        } finally {
            current.set(outer);
        }
    }

    private Connection pooledConnection() throws SQLException {
        Connection c = pooled.get();
        if (c == null || c.isClosed()) {
            c = dataSource.getConnection();
            pooled.set(c);
        }
        return c;
    }

    @Override
    public <T> T withConnection(SqlWork<T> work) {
        try {
            Connection c = current.get();
            if (c != null) {
                return work.apply(c);
            }
            Connection auto = pooledConnection();
            auto.setAutoCommit(true);
            return work.apply(auto);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
