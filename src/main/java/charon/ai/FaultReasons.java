package charon.ai;

import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.ModelNotFoundException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.exception.TimeoutException;

import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;

/** A failed model call as the one line the GM reads on the pending entry. Never carries the API key. */
final class FaultReasons {

    static final int MAX_LENGTH = 200;

    private FaultReasons() {
    }

    static String of(Throwable error, AiSettings settings) {
        String provider = settings.provider().map(AiProvider::id).orElse("model");
        Throwable root = error;
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof UnresolvedAddressException) {
                return line("Cannot reach " + provider + " at " + settings.baseUrl() + ": answer by hand", settings);
            }
            if (t instanceof HttpTimeoutException || t instanceof TimeoutException) {
                return timeout(settings);
            }
            if (t instanceof com.fasterxml.jackson.core.JacksonException) {
                return line(provider + " sent a malformed answer (" + oneLine(t.getMessage()) + ")", settings);
            }
            root = t;
        }
        if (error instanceof RateLimitException) {
            return line(provider + " is rate-limiting (HTTP 429): try again later or answer by hand", settings);
        }
        if (error instanceof AuthenticationException) {
            return line(provider + " refused the API key (check charon.ai.api.key)", settings);
        }
        if (error instanceof ModelNotFoundException) {
            return line(provider + " has no model '" + settings.model() + "' (check charon.ai.model)", settings);
        }
        if (error instanceof InternalServerException || error instanceof HttpException) {
            Integer status = null;
            for (Throwable t = error; t != null && status == null; t = t.getCause()) {
                status = t instanceof HttpException http ? http.statusCode() : null;
            }
            return line(provider + " failed" + (status == null ? "" : " (HTTP " + status + ")") + ": " + oneLine(error.getMessage()), settings);
        }
        return line(provider + " error: " + root.getClass().getSimpleName() + ": " + oneLine(root.getMessage()), settings);
    }

    static String timeout(AiSettings settings) {
        return line("No answer from " + settings.provider().map(AiProvider::id).orElse("model") + " within "
                + settings.timeout().toMillis() / 1000.0 + " s (timeout): answer by hand", settings);
    }

    static String malformed(AiSettings settings) {
        return line(settings.provider().map(AiProvider::id).orElse("model") + " sent a malformed or empty answer", settings);
    }

    /** One line, bounded, with the key (should a server echo it) blanked out. */
    static String line(String text, AiSettings settings) {
        String line = oneLine(text);
        if (settings.hasKey()) {
            line = line.replace(settings.apiKey(), "***");
        }
        return line.length() > MAX_LENGTH ? line.substring(0, MAX_LENGTH - 1) + "…" : line;
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("\\s+", " ").strip();
    }
}
