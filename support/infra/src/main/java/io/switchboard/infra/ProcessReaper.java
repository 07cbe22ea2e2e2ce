package io.switchboard.infra;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/** Makes sure no child process outlives the JVM that started it, whether it exits normally or by Ctrl-C. */
public final class ProcessReaper {

    private static final List<Process> CHILDREN = new CopyOnWriteArrayList<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(ProcessReaper::stopAll, "switchboard-process-reaper"));
    }

    private ProcessReaper() {
    }

    public static void register(Process process) {
        CHILDREN.add(process);
    }

    public static void stopAll() {
        for (Process p : CHILDREN) {
            p.descendants().forEach(ProcessHandle::destroy);
            p.destroy();
        }
        for (Process p : CHILDREN) {
            try {
                if (!p.waitFor(15, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                p.destroyForcibly();
            }
        }
        CHILDREN.clear();
    }
}
