package org.meterguard.server.headend.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.meterguard.core.Channel;
import org.meterguard.core.IntervalGrid;
import org.meterguard.core.ReadingQuality;
import org.meterguard.dlms.CaptureObject;
import org.meterguard.dlms.DecodedPush;
import org.meterguard.dlms.DecryptionFailed;
import org.meterguard.dlms.DlmsException;
import org.meterguard.dlms.GeneralGloCiphering;
import org.meterguard.dlms.InvocationCounter;
import org.meterguard.dlms.MeterEvent;
import org.meterguard.dlms.MeterModel;
import org.meterguard.dlms.ProfileBuffer;
import org.meterguard.dlms.ProfileLayout;
import org.meterguard.dlms.PushDecoder;
import org.meterguard.dlms.RegisterValue;
import org.meterguard.dlms.SecurityControl;
import org.meterguard.dlms.SecuritySuite0;
import org.meterguard.dlms.SystemTitle;
import org.meterguard.server.headend.FrameRejected;
import org.meterguard.server.headend.MeterModels;
import org.meterguard.server.headend.RejectionReason;
import org.meterguard.server.meters.MeterKey;
import org.meterguard.server.meters.MeterRegistry;
import org.meterguard.server.meters.RegisteredMeter;
import org.meterguard.server.readings.IntervalDay;
import org.springframework.stereotype.Component;

/**
 * Turns one ciphered APDU into an {@link Incoming} frame, or refuses it. The checks run cheapest first and all
 * before anything is stored: the system title belongs to a registered meter, the frame is authenticated and
 * encrypted, its counter rises above the mark of an accepted key version whose keys verify the GCM tag, the
 * notification names the same device, and its body matches the meter model's layout. A frame whose counter does
 * not rise is not decrypted: it is {@link Incoming.Stale}, for the store to tell a retransmission from a replay.
 * Runs on the network threads and touches no database except on a cache miss.
 */
@Component
class FrameVerifier {
    private static final long SECONDS_PER_DAY = 86_400;
    /**
     * Each network thread's plaintext buffer, grown to the largest frame it has verified: a frame is decrypted into it
     * and decoded from it at once, so no plaintext is copied or kept (the decoded push holds its own arrays).
     */
    private static final ThreadLocal<byte[]> PLAINTEXT = ThreadLocal.withInitial(() -> new byte[4096]);

    private final MeterRegistry meters;

    FrameVerifier(MeterRegistry meters) {
        this.meters = meters;
    }

    /**
     * Verifies the general-glo-ciphering APDU in {@code apdu}, whose parts {@code located} found, reading its secured
     * content where it lies (no copy of the frame is made before its plaintext).
     */
    Incoming verify(byte[] apdu, GeneralGloCiphering.Located located, String collector, Instant receivedAt) {
        SystemTitle title = located.systemTitle();
        RegisteredMeter meter = meters.findBySystemTitle(title)
                .orElseThrow(
                        () -> new FrameRejected(RejectionReason.UNKNOWN_METER, "no meter has system title " + title));
        int offset = located.contentOffset();
        int securedLength = located.contentLength();
        InvocationCounter counter = header(() -> SecuritySuite0.peekInvocationCounter(apdu, offset, securedLength));
        SecurityControl control = header(() -> SecuritySuite0.peekSecurityControl(apdu, offset, securedLength));
        if (control != SecurityControl.AUTHENTICATED_AND_ENCRYPTED) {
            throw new FrameRejected(
                    RejectionReason.UNPROTECTED,
                    "meter " + meter.meterId() + " sent a frame with security control " + control
                            + "; only authenticated and encrypted frames are accepted");
        }
        if (securedLength < SecuritySuite0.HEADER_LENGTH + SecuritySuite0.TAG_LENGTH) {
            throw new FrameRejected(
                    RejectionReason.MALFORMED,
                    "meter " + meter.meterId() + " sent secured content of " + securedLength
                            + " bytes, too short for its header and 12-byte tag");
        }
        GcmTag tag = GcmTag.of(apdu, offset, securedLength);
        boolean stale = false;
        for (MeterKey key : meter.acceptedKeys()) {
            if (counter.value() <= meters.highestAccepted(title, key.version())) {
                stale = true;
                continue;
            }
            byte[] plaintext = PLAINTEXT.get();
            if (plaintext.length < securedLength) {
                plaintext = new byte[securedLength];
                PLAINTEXT.set(plaintext);
            }
            int length = decrypt(meter, key, apdu, offset, securedLength, plaintext);
            if (length >= 0) {
                return decode(meter, key.version(), counter, tag, collector, receivedAt, plaintext, length);
            }
        }
        if (stale) {
            return new Incoming.Stale(meter, counter, tag, collector);
        }
        throw new FrameRejected(
                RejectionReason.AUTHENTICATION_FAILED,
                "a frame claiming to be from meter " + meter.meterId() + " failed authentication");
    }

    /** The refusal of a frame the store found to reuse a counter with other content. */
    static FrameRejected replay(Incoming frame) {
        return new FrameRejected(
                RejectionReason.REPLAYED_COUNTER,
                "meter " + frame.meter().meterId() + " sent invocation counter "
                        + frame.counter().value()
                        + ", not above the last accepted, and not a copy of the frame stored with it");
    }

    private static <T> T header(java.util.function.Supplier<T> read) {
        try {
            return read.get();
        } catch (DlmsException e) {
            throw new FrameRejected(RejectionReason.MALFORMED, e.getMessage());
        }
    }

    /**
     * Verifies and decrypts into {@code plaintext}; the plaintext length, or -1 when the tag does not verify under this
     * key version (then nothing of it is left in the buffer).
     */
    private static int decrypt(
            RegisteredMeter meter, MeterKey key, byte[] apdu, int offset, int length, byte[] plaintext) {
        try {
            return SecuritySuite0.unprotect(meter.systemTitle(), key.keys(), apdu, offset, length, plaintext, 0);
        } catch (DecryptionFailed e) {
            return -1;
        } catch (DlmsException e) {
            throw new FrameRejected(RejectionReason.MALFORMED, e.getMessage());
        }
    }

    private static Incoming.Fresh decode(
            RegisteredMeter meter,
            int keyVersion,
            InvocationCounter counter,
            GcmTag tag,
            String collector,
            Instant receivedAt,
            byte[] plaintext,
            int length) {
        MeterModel model = MeterModels.model(meter.model())
                .orElseThrow(() -> new FrameRejected(
                        RejectionReason.UNEXPECTED_CONTENT,
                        "meter " + meter.meterId() + " has model " + meter.model()
                                + ", for which no pushes are configured"));
        DecodedPush push;
        try {
            push = PushDecoder.decode(plaintext, 0, length, model);
        } catch (DlmsException e) {
            throw new FrameRejected(
                    RejectionReason.UNEXPECTED_CONTENT, "meter " + meter.meterId() + ": " + e.getMessage());
        }
        if (!push.device().equals(meter.systemTitle())) {
            throw new FrameRejected(
                    RejectionReason.DEVICE_MISMATCH,
                    "meter " + meter.meterId() + "'s frame carries a notification from device " + push.device());
        }
        Incoming.Content content;
        if (push instanceof DecodedPush.LoadProfilePush profile) {
            List<IntervalDay> days = toDays(meter, model.loadProfile(), profile.buffer());
            content = new Incoming.Content(
                    days, List.of(), List.of(), profile.buffer().size());
        } else if (push instanceof DecodedPush.EventLogPush log) {
            content = new Incoming.Content(
                    List.of(), events(log), List.of(), log.events().size());
        } else {
            List<RegisterValue> values = ((DecodedPush.RegisterPush) push).values();
            content = new Incoming.Content(List.of(), List.of(), values, values.size());
        }
        return new Incoming.Fresh(meter, keyVersion, counter, tag, collector, receivedAt, content);
    }

    private static List<MeterEventRecord> events(DecodedPush.EventLogPush log) {
        List<MeterEventRecord> events = new ArrayList<>(log.events().size());
        for (MeterEvent event : log.events()) {
            events.add(new MeterEventRecord(
                    event.at(),
                    log.log().toString(),
                    event.code(),
                    event.known().map(Enum::name).orElse(null)));
        }
        return events;
    }

    /**
     * The buffer's values per stored channel and UTC day; columns without a stored channel are skipped. Works on
     * epoch seconds, not on date objects: it runs for every reading the head-end receives.
     */
    static List<IntervalDay> toDays(RegisteredMeter meter, ProfileLayout layout, ProfileBuffer buffer) {
        IntervalGrid grid = new IntervalGrid(layout.capturePeriod());
        long period = layout.capturePeriod().getSeconds();
        long periodMillis = period * 1000;
        int rows = buffer.size();
        // Each row's UTC day and slot, worked out once for all of its columns.
        long[] epochDays = new long[rows];
        int[] slots = new int[rows];
        for (int row = 0; row < rows; row++) {
            long startMillis = buffer.capturedAtMillis(row) - periodMillis;
            if (Math.floorMod(startMillis, periodMillis) != 0) {
                throw new FrameRejected(
                        RejectionReason.UNEXPECTED_CONTENT,
                        "meter " + meter.meterId() + " captured an interval at " + buffer.capturedAt(row) + ", off its "
                                + layout.capturePeriod() + " grid");
            }
            long start = startMillis / 1000;
            epochDays[row] = Math.floorDiv(start, SECONDS_PER_DAY);
            slots[row] = (int) ((start - epochDays[row] * SECONDS_PER_DAY) / period);
        }
        List<IntervalDay> days = new ArrayList<>(4);
        List<CaptureObject> objects = layout.captureObjects();
        for (int column = 1; column < objects.size(); column++) {
            CaptureObject object = objects.get(column);
            Channel channel = MeterModels.channelOf(object.obis()).orElse(null);
            if (channel == null) {
                continue;
            }
            long factor = factor(object, channel);
            Map<Long, IntervalDay> byDay = new HashMap<>(4);
            IntervalDay current = null;
            long currentDay = Long.MIN_VALUE;
            for (int row = 0; row < rows; row++) {
                long epochDay = epochDays[row];
                if (epochDay != currentDay) {
                    currentDay = epochDay;
                    current = byDay.computeIfAbsent(epochDay, d -> {
                        IntervalDay day = new IntervalDay(meter.meterId(), channel, grid, LocalDate.ofEpochDay(d));
                        days.add(day);
                        return day;
                    });
                }
                long value = Math.multiplyExact(buffer.value(row, column - 1), factor);
                current.fill(slots[row], value, ReadingQuality.RAW);
            }
        }
        return days;
    }

    /** The factor from the meter's scaler to the stored power of ten (e.g. scaler 0 Wh into Wh: 1). */
    private static long factor(CaptureObject object, Channel channel) {
        int shift = object.scaler() - channel.powerOfTenMultiplier();
        if (shift < 0 || shift > 18) {
            throw new FrameRejected(
                    RejectionReason.UNEXPECTED_CONTENT,
                    "scaler " + object.scaler() + " of " + object.obis() + " does not convert to the stored"
                            + " multiplier " + channel.powerOfTenMultiplier());
        }
        long factor = 1;
        for (int i = 0; i < shift; i++) {
            factor *= 10;
        }
        return factor;
    }
}
