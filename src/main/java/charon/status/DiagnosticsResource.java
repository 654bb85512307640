package charon.status;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.util.stream.Stream;

import charon.push.DisplayStreams;

/**
 * {@code GET /api/gm/diagnostics} (GM only, under {@code /api/gm/}): the server's own numbers for the
 * benchmark and for a GM who wonders why the table is slow: process id, heap, threads, CPU time, JIT
 * compile time, open files and the push layer's counters. {@code ?gc=true} runs a full GC first, so
 * {@code heap_used_bytes} is the live heap.
 */
@RequestScoped
@Path("gm/diagnostics")
@Produces(MediaType.APPLICATION_JSON)
public class DiagnosticsResource {

    @Inject
    DisplayStreams streams;

    @GET
    public Diagnostics diagnostics(@QueryParam("gc") boolean gc) {
        if (gc) {
            System.gc();
            System.gc();
        }
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        return new Diagnostics(ProcessHandle.current().pid(), heap.getUsed(), heap.getCommitted(), heap.getMax(),
                ManagementFactory.getThreadMXBean().getThreadCount(), processCpuNanos(), jitCompileMillis(), openFiles(),
                streams.connected(), streams.eventsSent(), streams.dropped(), streams.closedAtFirstEvent(), streams.stuckWrites(),
                streams.endedOverDeviceLimit(), streams.streamsByConnection(), streams.patchesSent());
    }

    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }

    /** Time the JIT compilers have spent so far: a benchmark waits until it stops growing (-1 if unknown). */
    private static long jitCompileMillis() {
        var jit = ManagementFactory.getCompilationMXBean();
        return jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : -1;
    }

    /** Open file descriptors of this process (Linux), -1 where /proc is not there. */
    private static long openFiles() {
        java.nio.file.Path fds = java.nio.file.Path.of("/proc/self/fd");
        if (!Files.isDirectory(fds)) {
            return -1;
        }
        try (Stream<java.nio.file.Path> list = Files.list(fds)) {
            return list.count();
        } catch (IOException e) {
            return -1;
        }
    }
}
