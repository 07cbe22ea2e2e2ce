package io.switchboard.directory;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.switchboard.testing.SwitchboardTestResource;

/** Real PostgreSQL (database "directory") and Kafka for every test in this module, started once. */
@QuarkusTestResource(value = SwitchboardTestResource.class, initArgs = @ResourceArg(name = "database", value = "directory"))
public class DirectoryTestResources {
}
