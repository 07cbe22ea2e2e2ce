package io.switchboard.platform.tx;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.Callable;

/**
 * The two things the outbox and the consumer guard need from a transaction manager: run work in a new
 * transaction, and reach the JDBC connection of the current one (so their rows commit with the caller's change).
 */
public interface Transactions {

    <T> T inNewTransaction(Callable<T> work);

    <T> T withConnection(SqlWork<T> work);

    @FunctionalInterface
    interface SqlWork<T> {
        T apply(Connection connection) throws SQLException;
    }
}
