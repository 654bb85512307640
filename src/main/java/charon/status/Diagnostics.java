package charon.status;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

import java.util.Map;

/** {@code GET /api/gm/diagnostics}: the server's own numbers, in the order the benchmark's reports print them. */
@JsonbPropertyOrder({"pid", "heapUsedBytes", "heapCommittedBytes", "heapMaxBytes", "threads", "processCpuNs", "jitCompileMs",
        "openFiles", "connectedDisplays", "eventsSent", "displaysDropped", "streamsClosedAtFirstEvent", "stuckWrites",
        "streamsEndedOverDeviceLimit", "streamsByConnection", "patchesSent"})
public record Diagnostics(long pid, long heapUsedBytes, long heapCommittedBytes, long heapMaxBytes, int threads,
                          long processCpuNs, long jitCompileMs, long openFiles, int connectedDisplays, long eventsSent,
                          long displaysDropped, long streamsClosedAtFirstEvent, int stuckWrites,
                          long streamsEndedOverDeviceLimit, Map<String, Integer> streamsByConnection, long patchesSent) {
}
