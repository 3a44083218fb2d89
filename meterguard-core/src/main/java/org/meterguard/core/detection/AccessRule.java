package org.meterguard.core.detection;

import java.util.List;

/** One rule over the access stream. Rules keep their own state; one thread feeds them in order. */
interface AccessRule {
    /** Looks at {@code record} and adds what it finds to {@code findings}. */
    void observe(AccessRecord record, List<Finding> findings);
}
