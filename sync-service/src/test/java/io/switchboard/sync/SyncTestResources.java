package io.switchboard.sync;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.switchboard.testing.SwitchboardTestResource;

/** Real PostgreSQL (database "sync") and Kafka, and the ServiceTitan sandbox, for every test in this module, started once. */
@QuarkusTestResource(value = SwitchboardTestResource.class, initArgs = @ResourceArg(name = "database", value = "sync"))
@QuarkusTestResource(SandboxResource.class)
public class SyncTestResources {
}
