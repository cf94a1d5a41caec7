package io.drover.master.api;

import io.drover.master.state.model.ApplicationEntry;
import io.drover.master.state.model.ClusterSnapshot;
import io.drover.master.state.model.DriverEntry;
import io.drover.server.ApiException;
import io.drover.server.security.DriverTokens;
import io.drover.server.security.DroverPrincipal;

/**
 * Who may kill or change a driver or an application (issue 4): an {@code admin} anything, a {@code submit}
 * token only what it submitted. An application registered by a driver belongs to that driver's token
 * ({@code driver/<driverId>}) and to whoever submitted the driver. A driver's token acts only on its own
 * driver and the applications that name it (issue 10). Unknown ids pass: the command answers 404.
 */
public final class Ownership {

    private Ownership() {
    }

    public static boolean mayChange(DroverPrincipal caller, DriverEntry driver) {
        return caller.mayChange(driver.audit().submittedBy()) || driver.driverId().equals(caller.driverId());
    }

    public static boolean mayChange(DroverPrincipal caller, ApplicationEntry app, ClusterSnapshot snapshot) {
        if (caller.mayChange(app.audit().submittedBy())) {
            return true;
        }
        String driverId = app.driverId();
        return driverId != null && (caller.mayChange(DriverTokens.NAME_PREFIX + driverId)
                || snapshot.driver(driverId).map(driver -> mayChange(caller, driver)).orElse(false));
    }

    static void checkDriver(DroverPrincipal caller, ClusterSnapshot snapshot, String driverId) {
        snapshot.driver(driverId).filter(driver -> !mayChange(caller, driver)).ifPresent(driver -> {
            throw refused(caller, "driver " + driverId, driver.audit().submittedBy());
        });
    }

    static void checkApplication(DroverPrincipal caller, ClusterSnapshot snapshot, String appId) {
        snapshot.application(appId).filter(app -> !mayChange(caller, app, snapshot)).ifPresent(app -> {
            throw refused(caller, "application " + appId, app.audit().submittedBy());
        });
    }

    /**
     * An application may name as its {@code driverId} only a driver its caller may change: one the caller
     * submitted, a driver's own token its own driver, an admin any (issue 10). Otherwise anyone could tie
     * their application to someone else's driver and, through it, to that driver's owner.
     */
    static void checkNamedDriver(DroverPrincipal caller, ClusterSnapshot snapshot, String driverId) {
        if (driverId == null) {
            return;
        }
        snapshot.driver(driverId).filter(driver -> !mayChange(caller, driver)).ifPresent(driver -> {
            throw ApiException.forbidden("driverId: token '" + caller.name() + "' may name only a driver it submitted;"
                    + " driver " + driverId + " was submitted by '" + driver.audit().submittedBy() + "'");
        });
    }

    /** A driver's token manages the driver's applications; it does not start more drivers. */
    static void checkMaySubmitDrivers(DroverPrincipal caller) {
        if (caller.driverId() != null) {
            throw ApiException.forbidden("token '" + caller.name() + "' is a driver's own token: it may register "
                    + "applications and act on its driver, not submit drivers");
        }
    }

    private static ApiException refused(DroverPrincipal caller, String what, String owner) {
        return ApiException.forbidden("token '" + caller.name() + "' (role " + caller.role().name().toLowerCase()
                + ") may change only what it submitted; " + what + " was submitted by '" + owner + "'");
    }
}
