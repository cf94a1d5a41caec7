package io.drover.server;

import io.drover.server.security.ClusterSecret;
import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.web.client.RestClient;

/**
 * Builds the clients the master and the workers call each other with. They use the JDK's
 * {@code HttpURLConnection}: a call runs on the calling thread with keep-alive, no selector thread and no
 * hand-offs, which on a small machine under a burst of launches and reports costs less CPU and latency
 * than the asynchronous {@code java.net.http} client. Both timeouts are bounded, so a hung peer cannot
 * hold a thread; with {@code drover.tls.trust-bundle} set, HTTPS peers are verified against that bundle.
 * Every call carries the cluster secret as its bearer token: the other side accepts nothing else on
 * {@code /internal/v1}.
 */
public final class InternalRestClients {

    private final SslBundle trust;
    private final ClusterSecret secret;

    /** @param secret null only with authentication disabled and no secret given: calls then carry none */
    public InternalRestClients(SslBundles bundles, TlsSettings tls, ClusterSecret secret) {
        this.secret = secret;
        this.trust = tls.trustBundle() == null || tls.trustBundle().isBlank() ? null
                : bundles.getBundle(tls.trustBundle());
    }

    public RestClient build(RestClient.Builder builder, Duration connectTimeout, Duration readTimeout) {
        HttpClientSettings settings = HttpClientSettings.defaults().withTimeouts(connectTimeout, readTimeout);
        if (trust != null) {
            settings = settings.withSslBundle(trust);
        }
        if (secret != null) {
            builder = builder.defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + secret.value());
        }
        return builder.requestFactory(ClientHttpRequestFactoryBuilder.simple().build(settings)).build();
    }
}
