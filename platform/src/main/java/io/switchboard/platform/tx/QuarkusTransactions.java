package io.switchboard.platform.tx;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.Callable;

/**
 * JTA-backed transactions. Agroal enlists the connection in the current transaction, so JDBC work done here commits or
 * rolls back together with whatever Hibernate did in the same transaction.
 */
@ApplicationScoped
public class QuarkusTransactions implements Transactions {

    private final AgroalDataSource dataSource;

    public QuarkusTransactions(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public <T> T inNewTransaction(Callable<T> work) {
        return QuarkusTransaction.requiringNew().call(work);
    }

    @Override
    public <T> T withConnection(SqlWork<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            return work.apply(connection);
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
