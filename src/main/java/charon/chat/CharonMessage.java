package charon.chat;

/** One line of a CHARON conversation: a player's query ("user") or CHARON's answer ("charon"). */
public record CharonMessage(String messageId, String role, String content, String timestamp, boolean pendingApproval) {
}
