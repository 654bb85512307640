package charon.ai;

/**
 * A pending CHARON answer (api-contract §9.3 shape {pending_id, query_id, query, response, timestamp} and more):
 * its status (generating, ready, failed), a one-line reason when it failed, the tokens it cost, and the exact text
 * sent to the model, which only the GM's endpoints show ({@link #listed()} leaves it out of lists), and the store's
 * revision of it: a list fetched over HTTP can arrive after a newer change on the GM's stream.
 */
public record Draft(String pendingId, String queryId, String channel, String query, String contextOverride,
                    String response, Status status, String reason, int tokensIn, int tokensOut, String reusedFrom,
                    String provider, String timestamp, String sentText, long revision) {

    public enum Status { GENERATING, READY, FAILED }

    static Draft generating(String pendingId, String queryId, String channel, String query, String contextOverride, String timestamp) {
        return new Draft(pendingId, queryId, channel, query, contextOverride, "", Status.GENERATING, "", 0, 0, "", "", timestamp, "", 0);
    }

    Draft restarted() {
        return new Draft(pendingId, queryId, channel, query, contextOverride, "", Status.GENERATING, "", 0, 0, "", "", timestamp, "", 0);
    }

    Draft sending(String provider, String sentText) {
        return new Draft(pendingId, queryId, channel, query, contextOverride, response, status, reason, tokensIn, tokensOut, reusedFrom, provider, timestamp, sentText, revision);
    }

    Draft streamed(String text) {
        return new Draft(pendingId, queryId, channel, query, contextOverride, text, status, reason, tokensIn, tokensOut, reusedFrom, provider, timestamp, sentText, revision);
    }

    Draft ready(String text, int in, int out, String reused) {
        return new Draft(pendingId, queryId, channel, query, contextOverride, text, Status.READY, "", in, out, reused, provider, timestamp, sentText, revision);
    }

    Draft failed(String why) {
        return new Draft(pendingId, queryId, channel, query, contextOverride, response, Status.FAILED, why, tokensIn, tokensOut, reusedFrom, provider, timestamp, sentText, revision);
    }

    /** The same entry as the store's change number {@code next}: a console drawing two snapshots keeps the newer. */
    Draft revised(long next) {
        return new Draft(pendingId, queryId, channel, query, contextOverride, response, status, reason, tokensIn, tokensOut, reusedFrom, provider, timestamp, sentText, next);
    }

    /** The entry as lists and the GM's stream carry it: without the (long) sent text, which has its own endpoint. */
    public Draft listed() {
        return new Draft(pendingId, queryId, channel, query, contextOverride, response, status, reason, tokensIn, tokensOut, reusedFrom, provider, timestamp, null, revision);
    }
}
