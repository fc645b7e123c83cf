package cn.foi.access;

/** What a user may do; agencies say where. */
public enum Role {
    /** Registers and handles the requests of their own agencies. */
    OFFICER,
    /** An officer who also approves extensions and closes years. */
    SUPERVISOR,
    /** Reads (tables, histories, metrics) of the agencies granted, or of all; writes nothing. */
    AUDITOR,
    /** Registers agencies, manages users, loads holiday notices, rebuilds projections. */
    ADMIN
}
