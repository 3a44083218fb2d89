package org.meterguard.server.headend.internal;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import io.netty.handler.flush.FlushConsolidationHandler;
import io.netty.handler.ssl.SslHandler;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.function.Supplier;
import javax.net.ssl.SSLEngine;
import org.meterguard.dlms.GcmWarmUp;
import org.meterguard.dlms.WrapperDescriptor;
import org.meterguard.server.headend.HeadEnd;
import org.meterguard.server.headend.HeadEndProperties;
import org.meterguard.server.meters.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The head-end's listener (Netty): TLS 1.3 with client certificates from the utility's CA (unless switched off
 * for a lab), wrapper framing by the length field, then one {@link CollectorConnection} per connection. Frames
 * are verified and decrypted on the network threads (one per processor); storing happens on the pipeline's
 * writer, so a slow database never stalls the network threads.
 */
@Component
class HeadEndServer implements SmartLifecycle, HeadEnd {
    private static final Logger log = LoggerFactory.getLogger(HeadEndServer.class);
    private static final long WARM_UP_BUDGET_NANOS = 10_000_000_000L;
    private static final int FLUSHES_CONSOLIDATED = 256;

    private final HeadEndProperties properties;
    private final HeadEndServices services;
    private final HeadEndTls tls;
    private final MeterRegistry meters;
    private volatile EventLoopGroup loops;
    private volatile Channel listener;

    HeadEndServer(HeadEndProperties properties, HeadEndServices services, HeadEndTls tls, MeterRegistry meters) {
        this.properties = properties;
        this.services = services;
        this.tls = tls;
        this.meters = meters;
    }

    @Override
    public void start() {
        meters.preload();
        Optional<Supplier<SSLEngine>> engines = tls.engines();
        loops = new MultiThreadIoEventLoopGroup(properties.effectiveIoThreads(), NioIoHandler.newFactory());
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(loops)
                .channel(NioServerSocketChannel.class)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        engines.ifPresent(engine -> channel.pipeline().addLast("tls", new SslHandler(engine.get())));
                        channel.pipeline()
                                // A committed batch answers many frames at once: one TLS record and one write for
                                // the answers a connection's event loop has ready, not one per frame.
                                .addLast("flushes", new FlushConsolidationHandler(FLUSHES_CONSOLIDATED, true))
                                .addLast(
                                        "wrapper",
                                        new LengthFieldBasedFrameDecoder(
                                                WrapperDescriptor.maxFrameLength(properties.maxFramePayload()),
                                                WrapperDescriptor.LENGTH_FIELD_OFFSET,
                                                WrapperDescriptor.LENGTH_FIELD_LENGTH,
                                                WrapperDescriptor.LENGTH_ADJUSTMENT,
                                                WrapperDescriptor.INITIAL_BYTES_TO_STRIP))
                                .addLast("frames", new CollectorConnection(services));
                    }
                });
        listener = bootstrap
                .bind(new InetSocketAddress(properties.bindAddress(), properties.port()))
                .syncUninterruptibly()
                .channel();
        warmUp(engines.isPresent());
        log.info(
                "Head-end listening for {} on {}",
                engines.isPresent() ? "collectors over mutual TLS 1.3" : "plain TCP (TLS is switched off)",
                listener.localAddress());
    }

    /**
     * Lets the JIT compile AES-GCM (TLS records and frames) in the background while the first collectors connect:
     * interpreted, it costs a started head-end tens of times more CPU per frame until enough traffic has passed.
     */
    private static void warmUp(boolean tls) {
        Thread warmUp = new Thread(
                () -> {
                    long started = System.nanoTime();
                    int messages = GcmWarmUp.run(WARM_UP_BUDGET_NANOS);
                    log.info(
                            "AES-GCM warmed up with {} messages in {} ms (TLS {})",
                            messages,
                            (System.nanoTime() - started) / 1_000_000,
                            tls ? "on" : "off");
                },
                "headend-gcm-warm-up");
        warmUp.setDaemon(true);
        warmUp.setPriority(Thread.MIN_PRIORITY);
        warmUp.start();
    }

    @Override
    public void stop() {
        if (listener != null) {
            listener.close().syncUninterruptibly();
        }
        if (loops != null) {
            loops.shutdownGracefully(0, 2, java.util.concurrent.TimeUnit.SECONDS)
                    .syncUninterruptibly();
        }
        listener = null;
    }

    @Override
    public boolean isRunning() {
        return listener != null && listener.isActive();
    }

    @Override
    public int port() {
        Channel bound = listener;
        if (bound == null) {
            throw new IllegalStateException("the head-end is not listening");
        }
        return ((InetSocketAddress) bound.localAddress()).getPort();
    }
}
