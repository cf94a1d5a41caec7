package io.drover.master.web;

import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;

/**
 * Who is looking at the dashboard, and the one place that decides what they may do. The pages show kill
 * buttons, and the kill routes act, only where {@link #mayKill} says so.
 *
 * <p>With no principal at all, security is off (DESIGN.md §7 is being built): the viewer is an anonymous
 * admin, as everyone is an admin of an open cluster. The security work adjusts this class only.
 *
 * @param admin may act on anything (role {@code ADMIN})
 * @param submit may submit work and act on their own (role {@code SUBMIT})
 */
record Viewer(String name, boolean admin, boolean submit) {

    static final String ANONYMOUS = "anonymous";

    static Viewer of(HttpServletRequest request) {
        Principal principal = request.getUserPrincipal();
        if (principal == null) {
            return new Viewer(ANONYMOUS, true, true);
        }
        return new Viewer(principal.getName(), request.isUserInRole("ADMIN"), request.isUserInRole("SUBMIT"));
    }

    /** The name to record for an action; "anonymous" when nobody is logged in. */
    static String nameOf(Principal principal) {
        return principal == null ? ANONYMOUS : principal.getName();
    }

    /**
     * Public for the templates, which call it; the record stays package-private.
     *
     * @param submittedBy who submitted the driver or application; null when unknown (then only admins)
     */
    public boolean mayKill(String submittedBy) {
        return admin || (submit && name.equals(submittedBy));
    }
}
