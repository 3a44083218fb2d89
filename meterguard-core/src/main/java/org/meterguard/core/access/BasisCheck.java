package org.meterguard.core.access;

import java.util.Objects;

/**
 * What the server found when it looked a declared basis up in its register.
 *
 * @param kind the kind of basis looked for
 * @param id the id as declared; empty when none was
 * @param status what the register says about it
 */
public record BasisCheck(BasisKind kind, String id, Status status) {
    /** What the register says about a declared basis. */
    public enum Status {
        /** No basis was declared. */
        NOT_GIVEN,
        /** On record, open, for this resource and (where it is assigned) for this caller. */
        VALID,
        /** No such basis is on record. */
        UNKNOWN,
        /** On record but closed, fulfilled, expired or revoked. */
        CLOSED,
        /** On record for another account or meter, or outside its scope or period. */
        OTHER_RESOURCE,
        /** On record but assigned to someone else. */
        NOT_ASSIGNED
    }

    public BasisCheck {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(status, "status");
        id = id == null ? "" : id.strip();
        if (id.isEmpty() != (status == Status.NOT_GIVEN)) {
            throw new IllegalArgumentException(
                    "a basis of status " + status + " must " + (id.isEmpty() ? "" : "not ") + "have an id");
        }
    }

    /** No basis declared. */
    public static BasisCheck notGiven(BasisKind kind) {
        return new BasisCheck(kind, "", Status.NOT_GIVEN);
    }

    /** Why this basis does not serve, in words a person can act on; empty text for a valid one. */
    String problem() {
        String named = kind.label() + " '" + id + "'";
        switch (status) {
            case NOT_GIVEN:
                return "needs a basis: the id of a " + kind.label();
            case UNKNOWN:
                return "names no " + kind.label() + " on record ('" + id + "')";
            case CLOSED:
                return "names " + named + ", which is no longer open or valid";
            case OTHER_RESOURCE:
                return "names " + named + ", which does not cover this customer or meter for this period";
            case NOT_ASSIGNED:
                return "names " + named + ", which is not assigned to you";
            default:
                return "";
        }
    }
}
