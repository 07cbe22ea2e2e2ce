package io.switchboard.platform.trace;

import org.jboss.logging.MDC;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * W3C Trace Context ({@code traceparent}) carried from an HTTP request through the outbox and Kafka headers into every
 * consumer, so one admin action and all the reactions it causes share a trace id (in logs as {@code traceId}, and in
 * each event's {@code traceparent} header). Held in the logging MDC, which Quarkus keeps with the request while it
 * moves between threads.
 */
public final class TraceContext {

    public static final String HEADER = "traceparent";
    public static final String MDC_TRACEPARENT = "traceparent";
    public static final String MDC_TRACE_ID = "traceId";

    private static final Pattern VALID = Pattern.compile("^00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$");
    private static final String ZERO_TRACE = "0".repeat(32);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HexFormat HEX = HexFormat.of();

    private TraceContext() {
    }

    /** A new span in the caller's trace, or the root of a new trace when the caller sent none (or an invalid one). */
    public static String continueOrStart(String incoming) {
        if (incoming != null) {
            var m = VALID.matcher(incoming.trim());
            if (m.matches() && !m.group(1).equals(ZERO_TRACE)) {
                return "00-" + m.group(1) + "-" + randomHex(8) + "-" + m.group(3);
            }
        }
        return "00-" + randomHex(16) + "-" + randomHex(8) + "-01";
    }

    public static String traceIdOf(String traceparent) {
        var m = traceparent == null ? null : VALID.matcher(traceparent);
        return m != null && m.matches() ? m.group(1) : null;
    }

    /** The trace the current work belongs to, or null outside any. */
    public static String current() {
        Object value = MDC.get(MDC_TRACEPARENT);
        return value == null ? null : value.toString();
    }

    public static void enter(String traceparent) {
        MDC.put(MDC_TRACEPARENT, traceparent);
        MDC.put(MDC_TRACE_ID, traceIdOf(traceparent));
    }

    public static void leave() {
        MDC.remove(MDC_TRACEPARENT);
        MDC.remove(MDC_TRACE_ID);
    }

    private static String randomHex(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return HEX.formatHex(b);
    }
}
