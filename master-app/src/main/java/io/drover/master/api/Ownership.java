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
 * ({@code driver/<driverId>}) and to whoever submitted the driver. Unknown ids pass: the command answers 404.
 */
public final class Ownership {

    private Ownership() {
    }

    public static boolean mayChange(DroverPrincipal caller, DriverEntry driver) {
        return caller.mayChange(driver.audit().submittedBy());
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

    private static ApiException refused(DroverPrincipal caller, String what, String owner) {
        return ApiException.forbidden("token '" + caller.name() + "' (role " + caller.role().name().toLowerCase()
                + ") may change only what it submitted; " + what + " was submitted by '" + owner + "'");
    }
}
