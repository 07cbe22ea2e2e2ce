package io.switchboard.platform.tx;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.Callable;

/**
 * {@link Transactions} on a plain JDBC {@link DataSource}, for code that runs the platform's outbox and consumers
 * without a Quarkus application: the platform's own tests and the benchmarks. Each thread keeps one connection open
 * between its transactions, as a connection pool would; a transaction started inside another gets its own connection.
 */
public final class JdbcTransactions implements Transactions {

    private final DataSource dataSource;
    private final ThreadLocal<Connection> current = new ThreadLocal<>();
    private final ThreadLocal<Connection> pooled = new ThreadLocal<>();

    public JdbcTransactions(DataSource dataSource) {
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

    private Connection pooledConnection() throws SQLException {
        Connection c = pooled.get();
        if (c == null || c.isClosed()) {
            c = dataSource.getConnection();
            pooled.set(c);
        }
        return c;
    }
}
