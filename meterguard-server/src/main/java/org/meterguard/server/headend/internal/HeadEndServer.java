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
import io.netty.util.concurrent.DefaultEventExecutorGroup;
import io.netty.util.concurrent.EventExecutorGroup;
import java.net.InetSocketAddress;
import org.meterguard.dlms.WrapperDescriptor;
import org.meterguard.server.headend.HeadEnd;
import org.meterguard.server.headend.HeadEndProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The head-end's TCP listener (Netty). The event loop only frames bytes (IEC 62056-47 wrapper, by its length
 * field); verification and storage run on a separate executor group, in order per connection, so a slow
 * database never stalls the event loop.
 */
@Component
class HeadEndServer implements SmartLifecycle, HeadEnd {
    private static final Logger log = LoggerFactory.getLogger(HeadEndServer.class);

    private final HeadEndProperties properties;
    private final FrameVerifier verifier;
    private final PushIngest ingest;
    private final SecurityEvents events;
    private volatile EventLoopGroup loops;
    private volatile EventExecutorGroup workers;
    private volatile Channel listener;

    HeadEndServer(HeadEndProperties properties, FrameVerifier verifier, PushIngest ingest, SecurityEvents events) {
        this.properties = properties;
        this.verifier = verifier;
        this.ingest = ingest;
        this.events = events;
    }

    @Override
    public void start() {
        loops = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        workers = new DefaultEventExecutorGroup(properties.workerThreads());
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(loops)
                .channel(NioServerSocketChannel.class)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        channel.pipeline()
                                .addLast(
                                        "wrapper",
                                        new LengthFieldBasedFrameDecoder(
                                                WrapperDescriptor.maxFrameLength(properties.maxFramePayload()),
                                                WrapperDescriptor.LENGTH_FIELD_OFFSET,
                                                WrapperDescriptor.LENGTH_FIELD_LENGTH,
                                                WrapperDescriptor.LENGTH_ADJUSTMENT,
                                                WrapperDescriptor.INITIAL_BYTES_TO_STRIP))
                                .addLast(workers, "frames", new FrameHandler(verifier, ingest, events));
                    }
                });
        listener = bootstrap
                .bind(new InetSocketAddress(properties.bindAddress(), properties.port()))
                .syncUninterruptibly()
                .channel();
        log.info("Head-end listening for DLMS/COSEM pushes on {}", listener.localAddress());
    }

    @Override
    public void stop() {
        if (listener != null) {
            listener.close().syncUninterruptibly();
        }
        if (loops != null) {
            loops.shutdownGracefully().syncUninterruptibly();
        }
        if (workers != null) {
            workers.shutdownGracefully().syncUninterruptibly();
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
