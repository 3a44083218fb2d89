package org.meterguard.core.detection;

import java.util.List;

/**
 * Failed sign-ins ({@code sign-in} refused, {@code sign-in-locked}): several for one user within the window, a
 * lockout, or many from one client address (password spraying across users).
 */
final class SignInRule implements AccessRule {
    private final DetectionSettings settings;
    private final SlidingWindow byUser;
    private final SlidingWindow byAddress;

    SignInRule(DetectionSettings settings) {
        this.settings = settings;
        this.byUser = new SlidingWindow(settings.signInWindow());
        this.byAddress = new SlidingWindow(settings.signInWindow());
    }

    @Override
    public void observe(AccessRecord record, List<Finding> findings) {
        if (!record.failedSignIn()) {
            return;
        }
        String user = record.subject().startsWith("user:") ? record.subject() : record.actorSubject();
        int count = byUser.add(user, record.at(), record.evidence());
        if ("sign-in-locked".equals(record.action())) {
            findings.add(finding(
                    FindingKind.ACCOUNT_LOCKED, Severity.WARNING, user, user + " was locked out", record, byUser));
        } else if (count >= settings.failedSignInThreshold()) {
            findings.add(finding(
                    FindingKind.REPEATED_FAILED_SIGN_IN,
                    Severity.WARNING,
                    user,
                    count + " failed sign-ins of " + user + " within " + settings.signInWindow(),
                    record,
                    byUser));
        }
        if (!record.clientAddress().isEmpty()) {
            String address = "address:" + record.clientAddress();
            int fromAddress = byAddress.add(address, record.at(), record.evidence());
            if (fromAddress >= settings.signInSprayThreshold()) {
                findings.add(finding(
                        FindingKind.SIGN_IN_SPRAY,
                        Severity.CRITICAL,
                        address,
                        fromAddress + " failed sign-ins from " + record.clientAddress() + " within "
                                + settings.signInWindow(),
                        record,
                        byAddress));
            }
        }
        byUser.prune(record.at());
        byAddress.prune(record.at());
    }

    private Finding finding(
            FindingKind kind, Severity severity, String key, String detail, AccessRecord record, SlidingWindow in) {
        return new Finding(kind, severity, key, detail, record.at(), in.evidence(key, settings.evidenceLimit()));
    }
}
