package io.drover.server.security;

import java.util.ArrayList;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * What a token may do. Each role includes the ones before it: {@code submit} may read, {@code admin} may
 * submit. The cluster secret is {@code admin} and, on top, the only credential the master↔worker protocol
 * accepts ({@link #CLUSTER_AUTHORITY}).
 */
public enum Role {
    /** Read everything: pages, API reads, logs, metrics. */
    VIEW,
    /** Submit drivers and applications, and kill or change what it submitted. */
    SUBMIT,
    /** Everything, including killing what others submitted. */
    ADMIN;

    /** Held only by the cluster secret: registration, heartbeats, launches and kills between master and workers. */
    public static final String CLUSTER_AUTHORITY = "CLUSTER";

    /** The authority a route that needs this role checks for. */
    public String authority() {
        return "ROLE_" + name();
    }

    /** This role's authority and those of every role it includes. */
    public List<GrantedAuthority> authorities() {
        List<GrantedAuthority> granted = new ArrayList<>();
        for (Role role : values()) {
            if (role.ordinal() <= ordinal()) {
                granted.add(new SimpleGrantedAuthority(role.authority()));
            }
        }
        return granted;
    }

    /** The role just below this one, or null for {@link #VIEW}. */
    public Role below() {
        return ordinal() == 0 ? null : values()[ordinal() - 1];
    }
}
