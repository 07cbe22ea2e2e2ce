package io.switchboard.platform;

import io.switchboard.platform.trace.TraceContext;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TraceContextTest {

    @Test
    void continuesAValidTraceWithANewSpanAndStartsANewOneOtherwise() {
        String parent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        String child = TraceContext.continueOrStart(parent);
        assertThat(child).matches("00-4bf92f3577b34da6a3ce929d0e0e4736-[0-9a-f]{16}-01").isNotEqualTo(parent);

        for (String invalid : new String[]{null, "", "garbage", "00-00000000000000000000000000000000-00f067aa0ba902b7-01",
                "01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"}) {
            String started = TraceContext.continueOrStart(invalid);
            assertThat(started).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
            assertThat(TraceContext.traceIdOf(started)).isNotEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        }
        assertThat(TraceContext.traceIdOf("garbage")).isNull();
    }
}
