package org.meterguard.core.thirdparty;

/** Where a contract stands. Only an ACTIVE contract, within its dates, is a basis for disclosure. */
public enum ContractStatus {
    ACTIVE,
    SUSPENDED,
    TERMINATED
}
