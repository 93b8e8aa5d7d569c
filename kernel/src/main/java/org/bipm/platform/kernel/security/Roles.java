package org.bipm.platform.kernel.security;

/** The roles a bearer token may carry in its {@code groups} claim. */
public final class Roles {

    public static final String MEMBERSHIP_OFFICER = "membership-officer";
    public static final String LIAISON_OFFICER = "liaison-officer";
    public static final String CBKT_COORDINATOR = "cbkt-coordinator";
    /** Acts for one RMO only: the one in the token's {@link #RMO_CLAIM} claim. */
    public static final String RMO_SECRETARIAT = "rmo-secretariat";
    public static final String COMMUNICATIONS_OFFICER = "communications-officer";
    public static final String PLATFORM_ADMIN = "platform-admin";

    public static final String RMO_CLAIM = "rmo";
    public static final String ISSUER = "https://bipm.org/liaison-platform";

    private Roles() {
    }
}
