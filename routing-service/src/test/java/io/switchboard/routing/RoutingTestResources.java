package io.switchboard.routing;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.switchboard.testing.SwitchboardTestResource;

/** Real PostgreSQL (database "routing") and Kafka for every test in this module, started once. */
@QuarkusTestResource(value = SwitchboardTestResource.class, initArgs = @ResourceArg(name = "database", value = "routing"))
public class RoutingTestResources {
}
