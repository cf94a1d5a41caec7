package io.drover.server;

import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/** Whether this server speaks HTTPS, as Spring Boot will decide from {@code server.ssl.*}: for the URL it advertises. */
public final class ServerScheme {

    private ServerScheme() {
    }

    public static String of(Environment environment) {
        boolean configured = StringUtils.hasText(environment.getProperty("server.ssl.bundle"))
                || StringUtils.hasText(environment.getProperty("server.ssl.key-store"));
        boolean enabled = environment.getProperty("server.ssl.enabled", Boolean.class, true);
        return configured && enabled ? "https" : "http";
    }
}
