package io.drover.server;

import org.apache.tomcat.util.buf.EncodedSolidusHandling;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** What both servers configure alike; each app imports it. */
@Configuration(proxyBeanMethods = false)
@Import(ApiErrors.class)
public class ServerCommonConfiguration {

    /**
     * Lets an encoded slash ({@code %2F}) through to Spring MVC still encoded, instead of Tomcat refusing the
     * request with an HTML page of its own. Routing still splits only on real slashes, so such a path
     * variable arrives whole (e.g. a driver id of {@code /etc/passwd}), fails the id check and is answered
     * with a {@code 400 application/problem+json} like every other bad input.
     */
    @Bean
    TomcatConnectorCustomizer encodedSlashesReachTheApplication() {
        return connector -> connector.setEncodedSolidusHandling(EncodedSolidusHandling.PASS_THROUGH.getValue());
    }
}
