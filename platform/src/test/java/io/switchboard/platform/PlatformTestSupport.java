package io.switchboard.platform;

import org.postgresql.ds.PGSimpleDataSource;

/** Opens the platform test infrastructure to tests in sub-packages. */
public final class PlatformTestSupport {

    private PlatformTestSupport() {
    }

    public static PGSimpleDataSource freshDatabase() throws Exception {
        return PlatformTestInfra.freshDatabase();
    }
}
