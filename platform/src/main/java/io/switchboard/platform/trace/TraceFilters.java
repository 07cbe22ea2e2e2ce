package io.switchboard.platform.trace;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/** Joins the caller's trace (or starts one) for every request, and tells the caller which trace its request was. */
public class TraceFilters {

    @ServerRequestFilter(preMatching = true)
    public void enter(ContainerRequestContext request) {
        String traceparent = TraceContext.continueOrStart(request.getHeaderString(TraceContext.HEADER));
        request.setProperty(TraceContext.HEADER, traceparent);
        TraceContext.enter(traceparent);
    }

    @ServerResponseFilter
    public void leave(ContainerRequestContext request, ContainerResponseContext response) {
        Object traceparent = request.getProperty(TraceContext.HEADER);
        if (traceparent != null) {
            response.getHeaders().putSingle(TraceContext.HEADER, traceparent);
        }
    }
}
