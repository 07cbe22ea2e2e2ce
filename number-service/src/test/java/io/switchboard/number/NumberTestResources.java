package io.switchboard.number;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.switchboard.testing.SwitchboardTestResource;

/** Real PostgreSQL (database "number") and Kafka for every test in this module, started once. */
@QuarkusTestResource(value = SwitchboardTestResource.class, initArgs = @ResourceArg(name = "database", value = "number"))
public class NumberTestResources {
}
