package io.switchboard.platform.consumer;

import io.switchboard.platform.events.EventEnvelope;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * An {@link EventHandler} that routes each event type to an action taking the typed body. Types without a route are
 * skipped: producers add types over time, and a consumer acts only on those it knows.
 */
public abstract class EventRouter implements EventHandler {

    private final String name;
    private final Set<String> topics;
    private final Map<String, Consumer<EventEnvelope>> routes = new LinkedHashMap<>();
    private int concurrency = 1;

    protected EventRouter(String name, String... topics) {
        this.name = name;
        this.topics = Set.of(topics);
    }

    protected final <T> void on(String type, Class<T> body, Consumer<T> action) {
        routes.put(type, event -> action.accept(event.dataAs(body)));
    }

    /** See {@link EventHandler#concurrency()}. */
    protected final void concurrency(int threads) {
        this.concurrency = Math.max(1, threads);
    }

    @Override
    public final int concurrency() {
        return concurrency;
    }

    @Override
    public final boolean accepts(String type) {
        return routes.containsKey(type);
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final Set<String> topics() {
        return topics;
    }

    @Override
    public final void handle(EventEnvelope event) {
        Consumer<EventEnvelope> route = routes.get(event.type());
        if (route != null) {
            route.accept(event);
        }
    }
}
