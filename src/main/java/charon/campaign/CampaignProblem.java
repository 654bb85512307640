package charon.campaign;

/**
 * Something in the campaign files that could not be loaded. The broken piece is skipped and
 * everything else loads, so a GM typo never takes the table down.
 *
 * @param file    path relative to the campaign root, '/'-separated (never an absolute server path)
 * @param line    1-based line in that file, or null when unknown
 * @param message what is wrong, in words a GM understands
 */
public record CampaignProblem(String file, Integer line, String message) {

    @Override
    public String toString() {
        return file + (line == null ? "" : ":" + line) + ": " + message;
    }
}
