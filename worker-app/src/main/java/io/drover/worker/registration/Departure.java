package io.drover.worker.registration;

import io.drover.protocol.internal.WorkerLeaving;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Tells the followed master that this worker is leaving, once its children have ended (the runners call
 * it at the end of their shutdown), so the master replaces the work at once instead of after the worker
 * timeout. One short try: a master that does not hear it notices the silence anyway.
 */
@Component
public class Departure {

    private static final Logger log = LoggerFactory.getLogger(Departure.class);

    private final MasterClient client;
    private final MasterLink link;

    Departure(MasterClient client, MasterLink link) {
        this.client = client;
        this.link = link;
    }

    public void leave(String reason) {
        String masterUrl = link.protocolUrl();
        if (masterUrl == null || !link.isRegistered()) {
            return;
        }
        try {
            client.leave(masterUrl, link.workerId(), new WorkerLeaving(link.epoch(), reason));
            log.info("Told master {} that this worker is leaving", masterUrl);
        } catch (RuntimeException e) {
            log.info("Could not tell master {} that this worker is leaving ({}); it will notice the silence",
                    masterUrl, MasterClient.describe(e));
        }
    }

}
