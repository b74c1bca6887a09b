package io.handshakematrix.bench;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

/**
 * Wall time, this process's CPU time and peak heap over one measured stretch. CPU time is reported next
 * to wall time because the machine is shared: wall rates fall with other people's load, CPU per unit much less.
 */
public final class Meter {
    private final long wall0 = System.nanoTime();
    private final long cpu0 = cpu();

    private Meter() {}

    /** Starts a stretch and forgets earlier heap peaks. */
    public static Meter start() {
        System.gc(); // a clean baseline for the peak, not a measurement of the collector
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
        return new Meter();
    }

    public double wallSeconds() {
        return (System.nanoTime() - wall0) / 1e9;
    }

    public double cpuSeconds() {
        return (cpu() - cpu0) / 1e9;
    }

    /** Sum of the heap pools' peaks since {@link #start()}, in MiB (what the run needed, plus uncollected garbage). */
    public static double peakHeapMiB() {
        long sum = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP && p.getPeakUsage() != null) {
                sum += p.getPeakUsage().getUsed();
            }
        }
        return sum / (1024.0 * 1024.0);
    }

    public static double maxHeapMiB() {
        return Runtime.getRuntime().maxMemory() / (1024.0 * 1024.0);
    }

    private static long cpu() {
        return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
