package org.meterguard.server.headend.internal;

import org.meterguard.server.meters.MeterRegistry;
import org.meterguard.server.readings.ReadingStore;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores a verified push in one transaction: the meter's counter high-water mark rises and its readings merge,
 * or neither happens. Only after the commit (synchronous, so durable) does the sender hear that it was
 * accepted.
 */
@Component
class PushIngest {
    private final MeterRegistry meters;
    private final ReadingStore store;

    PushIngest(MeterRegistry meters, ReadingStore store) {
        this.meters = meters;
        this.store = store;
    }

    @Transactional
    public void store(VerifiedPush push) {
        if (!meters.advanceInvocationCounter(
                push.meter().meterId(), push.meter().keyVersion(), push.invocationCounter())) {
            throw FrameVerifier.replay(push.meter(), push.invocationCounter());
        }
        push.readings()
                .forEach((channel, readings) -> store.merge(push.meter().meterId(), channel, push.grid(), readings));
    }
}
