package io.drover.spark;

import io.drover.client.DroverApiException;
import io.drover.client.DroverClient;
import io.drover.client.DroverClientException;
import io.drover.client.EventSubscription;
import io.drover.protocol.api.ApplicationEvent;
import io.drover.protocol.api.RegisterApplicationRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The plugin's one use of Drover's client: one {@link DroverClient} per master URL, each call sent to the
 * master that answered last and, when it cannot be reached, to the next one (the masters of
 * {@code drover://a:1,b:2}, like Spark's client tries each {@code spark://} master). A master that answers,
 * even with an error, is the one in charge: its answer stands.
 */
final class DroverConnection {

    private final List<DroverClient> clients;
    private volatile int current;

    DroverConnection(List<String> masterUrls, String token) {
        List<DroverClient> built = new ArrayList<>();
        for (String url : masterUrls) {
            built.add(DroverClient.builder(url).bearerToken(token).connectTimeout(Duration.ofSeconds(5))
                    .requestTimeout(Duration.ofSeconds(30)).build());
        }
        this.clients = List.copyOf(built);
    }

    String registerApplication(RegisterApplicationRequest request) {
        return call(client -> client.registerApplication(request));
    }

    EventSubscription followEvents(String appId, Consumer<ApplicationEvent> consumer) {
        return call(client -> client.followEvents(appId, consumer));
    }

    void setExecutorLimit(String appId, int limit) {
        call(client -> {
            client.setExecutorLimit(appId, limit);
            return null;
        });
    }

    void killExecutor(String appId, int executorId) {
        call(client -> {
            client.killExecutor(appId, executorId);
            return null;
        });
    }

    void finishApplication(String appId) {
        call(client -> {
            client.finishApplication(appId);
            return null;
        });
    }

    private <T> T call(Function<DroverClient, T> call) {
        DroverClientException last = null;
        int start = current;
        for (int i = 0; i < clients.size(); i++) {
            int index = (start + i) % clients.size();
            try {
                T result = call.apply(clients.get(index));
                current = index;
                return result;
            } catch (DroverApiException answered) {
                current = index;
                throw answered;
            } catch (DroverClientException unreachable) {
                last = unreachable;
            }
        }
        throw last;
    }
}
