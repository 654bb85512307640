package charon.ai;

import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.jdk.JdkHttpClientBuilder;
import dev.langchain4j.http.client.sse.ServerSentEvent;
import dev.langchain4j.http.client.sse.ServerSentEventContext;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * LangChain4j's JDK HTTP client, watched: a stream that ends without a complete answer, or whose events cannot be
 * read, fails the draft at once. (Some clients drop an unreadable event and never call back; the draft would
 * otherwise wait for the timeout.)
 */
final class GuardedHttpClient implements HttpClient {

    /** What the guard reports: the stream broke ({@code error}) or ended ({@code null}). */
    interface StreamEnd extends Consumer<Throwable> {
    }

    private final HttpClient delegate;
    private final StreamEnd end;

    private GuardedHttpClient(HttpClient delegate, StreamEnd end) {
        this.delegate = delegate;
        this.end = end;
    }

    static HttpClientBuilder builder(Duration timeout, StreamEnd end) {
        JdkHttpClientBuilder jdk = new JdkHttpClientBuilder().connectTimeout(timeout).readTimeout(timeout);
        return new HttpClientBuilder() {
            @Override
            public Duration connectTimeout() {
                return jdk.connectTimeout();
            }

            @Override
            public HttpClientBuilder connectTimeout(Duration value) {
                jdk.connectTimeout(value);
                return this;
            }

            @Override
            public Duration readTimeout() {
                return jdk.readTimeout();
            }

            @Override
            public HttpClientBuilder readTimeout(Duration value) {
                jdk.readTimeout(value);
                return this;
            }

            @Override
            public HttpClient build() {
                return new GuardedHttpClient(jdk.build(), end);
            }
        };
    }

    @Override
    public SuccessfulHttpResponse execute(HttpRequest request) {
        return delegate.execute(request);
    }

    @Override
    public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
        delegate.execute(request, parser, new ServerSentEventListener() {
            @Override
            public void onOpen(SuccessfulHttpResponse response) {
                listener.onOpen(response);
            }

            @Override
            public void onEvent(ServerSentEvent event, ServerSentEventContext context) {
                try {
                    listener.onEvent(event, context);
                } catch (RuntimeException e) {
                    end.accept(e);
                    throw e;
                }
            }

            @Override
            public void onEvent(ServerSentEvent event) {
                try {
                    listener.onEvent(event);
                } catch (RuntimeException e) {
                    end.accept(e);
                    throw e;
                }
            }

            @Override
            public void onError(Throwable error) {
                listener.onError(error);
                end.accept(error);
            }

            @Override
            public void onClose() {
                listener.onClose();
                end.accept(null);
            }
        });
    }
}
