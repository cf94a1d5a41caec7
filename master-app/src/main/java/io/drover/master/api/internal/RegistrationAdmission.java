package io.drover.master.api.internal;

import io.drover.server.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Turns a worker's registration away with {@code 503} and {@code Retry-After} while more than
 * {@code drover.master.registration-queue-limit} requests wait for a thread of the public port. When thousands
 * of workers register at once (after a failover), a registration at the back of that queue would reach a
 * thread only after its worker had given up (5 s), and the master would still do all its work (validation,
 * a durable write) for nobody, while the worker tries again and queues once more. Refused at once it costs
 * little and the worker comes back after its back-off, when the queue is shorter. Registration is the one
 * call shed: heartbeats and state reports use the internal port, and the API is left to wait its turn.
 */
final class RegistrationAdmission extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(RegistrationAdmission.class);

    private final IntSupplier queue;
    private final int limit;
    private final AtomicLong refused = new AtomicLong();

    /** @param queue requests waiting for a thread of the public port ({@code PublicConnectorQueue}) */
    RegistrationAdmission(IntSupplier queue, int limit) {
        this.queue = queue;
        this.limit = limit;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        int waiting = "POST".equals(request.getMethod()) ? queue.getAsInt() : 0;
        if (waiting <= limit) {
            chain.doFilter(request, response);
            return;
        }
        if (refused.getAndIncrement() % 1000 == 0) {
            log.warn("Registrations are arriving faster than the master can take them ({} requests wait for a "
                    + "thread): answering 503 to be tried again ({} so far)", waiting, refused.get());
        }
        response.setHeader("Retry-After", "1");
        ProblemResponses.write(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "Service Unavailable",
                waiting + " requests wait for the master; register again shortly");
    }
}
