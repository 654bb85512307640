package charon.campaign;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Collects problems while one load runs; the finished list goes into the immutable Campaign. */
final class ProblemLog {

    // A set: a file read twice (e.g. a deck file that is also the single-map fallback) reports once.
    private final Set<CampaignProblem> problems = new LinkedHashSet<>();

    void add(String file, Integer line, String message) {
        problems.add(new CampaignProblem(file, line, message));
    }

    List<CampaignProblem> snapshot() {
        return List.copyOf(problems);
    }
}
