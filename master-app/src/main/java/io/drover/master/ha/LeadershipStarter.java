package io.drover.master.ha;

import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Begins the leadership once the web server listens: only then is the master's URL known (with
 * {@code server.port=0}), which workers are told and other masters see. Ordered after the address.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class LeadershipStarter implements ApplicationListener<WebServerInitializedEvent> {

    private final Leadership leadership;

    LeadershipStarter(Leadership leadership) {
        this.leadership = leadership;
    }

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        if (event.getApplicationContext().getServerNamespace() == null) {
            leadership.begin();
        }
    }
}
