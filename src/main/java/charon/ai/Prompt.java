package charon.ai;

import java.util.List;

/**
 * What is sent to the model for one draft: the system text (persona, rules, the location's instance configuration
 * and the retrieved knowledge) and the query. {@link #exactText()} is what the GM sees as "sent".
 */
record Prompt(String system, String user, double temperature, List<String> passageIds) {

    String exactText() {
        return "[system]\n" + system + "\n\n[user]\n" + user;
    }
}
