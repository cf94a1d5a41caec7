package io.drover.server.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The audit log (issue 4): every submission, kill and login, with the name of the token behind it. */
public final class AuditLog {

    /** Logger {@code drover.audit}, so operators can route or silence it on its own. */
    public static final Logger LOG = LoggerFactory.getLogger("drover.audit");

    private AuditLog() {
    }
}
