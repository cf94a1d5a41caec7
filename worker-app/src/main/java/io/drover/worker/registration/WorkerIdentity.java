package io.drover.worker.registration;

/**
 * Who this worker is, fixed once its web server listens: the id stays the same across re-registrations,
 * so a master can recognise a worker that comes back (DESIGN.md §2.1).
 *
 * @param internalUrl where it takes the master's calls (its internal connector)
 */
public record WorkerIdentity(String workerId, String host, int port, String url, String internalUrl) {
}
