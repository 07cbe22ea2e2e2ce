package io.switchboard.seat.service;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;

/** Values of native-query result rows, whichever Java type the driver and Hibernate chose for them. */
final class SqlValues {

    private SqlValues() {
    }

    static Instant instant(Object value) {
        return value == null ? null : value instanceof Instant i ? i : value instanceof OffsetDateTime o ? o.toInstant()
                : ((Timestamp) value).toInstant();
    }
}
