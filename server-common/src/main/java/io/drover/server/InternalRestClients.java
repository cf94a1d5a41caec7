package io.drover.server;

import java.time.Duration;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * Builds the clients the master and the workers call each other with. They use the JDK's
 * {@code HttpURLConnection}: a call runs on the calling thread with keep-alive, no selector thread and no
 * hand-offs, which on a small machine under a burst of launches and reports costs less CPU and latency
 * than the asynchronous {@code java.net.http} client. Both timeouts are bounded, so a hung peer cannot
 * hold a thread.
 */
public final class InternalRestClients {

    private InternalRestClients() {
    }

    public static RestClient build(RestClient.Builder builder, Duration connectTimeout, Duration readTimeout) {
        SimpleClientHttpRequestFactory factory = new SimpleClientHttpRequestFactory();
        factory.setConnectTimeout(connectTimeout);
        factory.setReadTimeout(readTimeout);
        return builder.requestFactory(factory).build();
    }
}
