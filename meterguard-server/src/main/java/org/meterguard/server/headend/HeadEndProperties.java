package org.meterguard.server.headend;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the head-end listens, stores and protects itself.
 *
 * @param port the TCP port; 4059 is DLMS/COSEM's registered port; 0 picks a free one (tests)
 * @param bindAddress the address to bind
 * @param maxFramePayload the largest wrapper payload accepted; a longer one closes the connection
 * @param ioThreads network threads, which also verify and decrypt frames; 0 means one per processor
 * @param window unacknowledged frames a connection may have in flight before the head-end stops reading from it
 * @param batchSize the most frames stored in one transaction (group commit)
 * @param storeWriters how many threads store batches at once, each on its own database connection and each for its
 *     own share of the meters (a meter's frames are always stored by the same one, in the order they arrived)
 * @param collectorFramesPerSecond sustained frames per second accepted from one collector (or direct connection)
 * @param collectorBurst frames a collector may send at once above its sustained rate
 * @param meterFramesPerMinute sustained frames per minute accepted from one meter
 * @param meterBurst frames a meter may send at once above its sustained rate
 * @param tls the collectors' mutually authenticated TLS
 */
@ConfigurationProperties("meterguard.headend")
public record HeadEndProperties(
        @DefaultValue("4059") int port,
        @DefaultValue("0.0.0.0") String bindAddress,
        @DefaultValue("65535") int maxFramePayload,
        @DefaultValue("0") int ioThreads,
        @DefaultValue("512") int window,
        @DefaultValue("4096") int batchSize,
        @DefaultValue("2") int storeWriters,
        @DefaultValue("20000") int collectorFramesPerSecond,
        @DefaultValue("100000") int collectorBurst,
        @DefaultValue("60") int meterFramesPerMinute,
        @DefaultValue("200") int meterBurst,
        @DefaultValue Tls tls) {

    /**
     * @param enabled whether collectors must connect over TLS 1.3 with a client certificate from the utility's CA
     *     (the default; false accepts plain TCP, for a lab)
     * @param directory where the collector CA ({@code ca/}) and the head-end's own certificate
     *     ({@code headend.p12}) live
     * @param keystorePassword the password of {@code headend.p12}; empty: read from {@code headend.password} beside
     *     it
     * @param createIfMissing on the first start, create a CA, the head-end's certificate for this host and a demo
     *     collector's certificate, with generated passwords in owner-only files (a lab or demo; production CAs are
     *     made with the CLI and kept offline)
     */
    public record Tls(
            @DefaultValue("true") boolean enabled,
            String directory,
            String keystorePassword,
            @DefaultValue("true") boolean createIfMissing) {}

    /** The number of network threads to run. */
    public int effectiveIoThreads() {
        return ioThreads > 0 ? ioThreads : Runtime.getRuntime().availableProcessors();
    }
}
