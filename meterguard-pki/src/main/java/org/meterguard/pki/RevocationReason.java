package org.meterguard.pki;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Why a certificate was revoked: the RFC 5280 CRLReason codes that make sense for a permanent revocation, named as
 * the RFC names them ({@code keyCompromise}). {@link #UNSPECIFIED} is written to the CRL without a reason code, as
 * RFC 5280 recommends.
 */
public enum RevocationReason {
    UNSPECIFIED("unspecified", 0),
    KEY_COMPROMISE("keyCompromise", 1),
    CA_COMPROMISE("cACompromise", 2),
    AFFILIATION_CHANGED("affiliationChanged", 3),
    SUPERSEDED("superseded", 4),
    CESSATION_OF_OPERATION("cessationOfOperation", 5),
    PRIVILEGE_WITHDRAWN("privilegeWithdrawn", 9);

    private final String rfcName;
    private final int code;

    RevocationReason(String rfcName, int code) {
        this.rfcName = rfcName;
        this.code = code;
    }

    /** The RFC 5280 name, as used on the command line and in the index. */
    public String rfcName() {
        return rfcName;
    }

    int code() {
        return code;
    }

    /**
     * The reason with this RFC 5280 name.
     *
     * @throws PkiException naming the value and the accepted names when it is not one of them
     */
    public static RevocationReason ofRfcName(String name) {
        for (RevocationReason reason : values()) {
            if (reason.rfcName.equals(name)) {
                return reason;
            }
        }
        throw new PkiException("unknown revocation reason '" + name + "'; use one of " + names());
    }

    static String names() {
        return Arrays.stream(values()).map(RevocationReason::rfcName).collect(Collectors.joining(", "));
    }
}
