package io.drover.server.security;

/**
 * Whether a driver's token still works here (issue 10). A driver's token is derived from the cluster secret
 * and never expires by itself, so the server that knows whether the driver still runs decides: the master
 * accepts it only while the driver has not ended; a worker, which cannot tell, does not accept it at all.
 * Without such a bean, driver tokens are accepted (a server with no notion of drivers).
 */
@FunctionalInterface
public interface DriverTokenCheck {

    /** Refuses every driver token. */
    DriverTokenCheck NEVER = driverId -> false;

    boolean accepts(String driverId);
}
