package org.meterguard.simulator;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import org.meterguard.dlms.CipheringKeys;
import org.meterguard.dlms.InvocationCounter;
import org.meterguard.dlms.KeyAccess;
import org.meterguard.dlms.SystemTitle;
import org.meterguard.dlms.WrapperFrame;

/**
 * What an attacker, or a broken device, sends, on demand; each with the answer a head-end must give. Built from a
 * real fleet meter whose frame {@code accepted} (with counter {@code acceptedCounter}) the head-end already stored.
 */
public enum BadActor {
    /** The meter's encryption key with a wrong authentication key: the GCM tag fails. */
    FORGED_TAG,
    /** A new frame that reuses the counter of one already stored. */
    REPLAYED_COUNTER,
    /** An exact copy of a stored frame: answered DUPLICATE, stored nothing. */
    DUPLICATE,
    /** A frame from a system title no meter has. */
    UNKNOWN_METER,
    /** Garbage inside a valid wrapper frame. */
    MALFORMED,
    /** Hundreds of frames from one meter as fast as it can: the rate limit refuses most. */
    FLOOD;

    private static final SecureRandom RANDOM = new SecureRandom();
    /** Frames a flood sends. */
    public static final int FLOOD_FRAMES = 300;

    /** The frames this actor sends. */
    public List<byte[]> frames(
            SimulatedMeter victim, byte[] accepted, long acceptedCounter, LongSupplier freshCounter, byte[] otherApdu) {
        return switch (this) {
            case FORGED_TAG ->
                List.of(PushBuilder.wrap(
                        new SimulatedMeter(
                                victim.meterId(),
                                victim.systemTitle(),
                                CipheringKeys.of(
                                        victim.keys().encryptionKey(KeyAccess.insecure()),
                                        CipheringKeys.generate(RANDOM).authenticationKey(KeyAccess.insecure()))),
                        new InvocationCounter(freshCounter.getAsLong()),
                        otherApdu));
            case REPLAYED_COUNTER ->
                List.of(PushBuilder.wrap(victim, new InvocationCounter(acceptedCounter), otherApdu));
            case DUPLICATE -> List.of(accepted);
            case UNKNOWN_METER ->
                List.of(PushBuilder.wrap(
                        new SimulatedMeter(
                                "UNKNOWN",
                                new SystemTitle(0x58585800_00000000L | RANDOM.nextInt(1 << 24)),
                                victim.keys()),
                        new InvocationCounter(1),
                        otherApdu));
            case MALFORMED -> {
                byte[] garbage = new byte[64];
                RANDOM.nextBytes(garbage);
                garbage[0] = (byte) 0xDB; // looks like general-glo-ciphering, is not
                yield List.of(new WrapperFrame(PushBuilder.METER_WPORT, PushBuilder.HEAD_END_WPORT, garbage).encode());
            }
            case FLOOD -> {
                List<byte[]> frames = new ArrayList<>(FLOOD_FRAMES);
                for (int i = 0; i < FLOOD_FRAMES; i++) {
                    frames.add(PushBuilder.wrap(victim, new InvocationCounter(freshCounter.getAsLong()), otherApdu));
                }
                yield frames;
            }
        };
    }

    /** Parses "forged-tag,duplicate" (or "all"). */
    public static List<BadActor> parse(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        if (text.strip().equals("all")) {
            return List.of(values());
        }
        List<BadActor> actors = new ArrayList<>();
        for (String name : text.split(",")) {
            actors.add(valueOf(name.strip().toUpperCase(java.util.Locale.ROOT).replace('-', '_')));
        }
        return actors;
    }
}
