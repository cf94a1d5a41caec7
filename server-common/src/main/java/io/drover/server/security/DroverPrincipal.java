package io.drover.server.security;

import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * Who made a request: the name of the token they presented (what audit records show as
 * {@code submittedBy}/{@code killedBy}) and its role. Never carries the token itself.
 *
 * @param cluster whether this is the cluster secret, the only credential the internal protocol accepts
 */
public record DroverPrincipal(String name, Role role, boolean cluster) implements Principal {

    /** The name audit records use for the cluster secret. */
    public static final String CLUSTER_NAME = "cluster";

    /** Everyone, when {@code drover.auth.enabled=false}: may do anything, and is recorded as such. */
    public static final DroverPrincipal UNAUTHENTICATED = new DroverPrincipal("anonymous", Role.ADMIN, true);

    static DroverPrincipal clusterSecret() {
        return new DroverPrincipal(CLUSTER_NAME, Role.ADMIN, true);
    }

    @Override
    public String getName() {
        return name;
    }

    /** The driver whose token this is; null for any other credential. */
    public String driverId() {
        return !cluster && name.startsWith(DriverTokens.NAME_PREFIX) ? name.substring(DriverTokens.NAME_PREFIX.length())
                : null;
    }

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }

    /** Whether this caller may kill or change something submitted by {@code owner}: its own, or anything as admin. */
    public boolean mayChange(String owner) {
        return isAdmin() || (role == Role.SUBMIT && name.equals(owner));
    }

    public List<GrantedAuthority> authorities() {
        List<GrantedAuthority> granted = new ArrayList<>(role.authorities());
        if (cluster) {
            granted.add(new SimpleGrantedAuthority(Role.CLUSTER_AUTHORITY));
        }
        return granted;
    }
}
