package org.meterguard.server.headend.internal;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.ssl.SslHandler;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import org.meterguard.dlms.CollectorMessage;
import org.meterguard.dlms.DlmsException;
import org.meterguard.dlms.GeneralGloCiphering;
import org.meterguard.dlms.InvocationCounter;
import org.meterguard.dlms.PushAcknowledgement;
import org.meterguard.dlms.SecuritySuite0;
import org.meterguard.dlms.SystemTitle;
import org.meterguard.dlms.WrapperDescriptor;
import org.meterguard.dlms.WrapperFrame;
import org.meterguard.pki.CollectorTls;
import org.meterguard.server.headend.FrameRejected;
import org.meterguard.server.headend.RejectionReason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;

/**
 * One collector's connection (or a meter's own, without TLS). Frames are checked on the network thread as they
 * arrive; accepted ones go to the {@link IngestPipeline}. Every frame is answered, in the order received, once its
 * fate is known: a refusal at once, a stored frame only after its batch has committed. At most {@code window}
 * frames wait for an answer; with a full window the connection stops reading until half of them are answered,
 * which is how a slow or failing store pushes back on collectors without dropping anything. No exception
 * escapes to take the connection down; only a broken wrapper closes it.
 */
final class CollectorConnection extends SimpleChannelInboundHandler<ByteBuf> {
    private static final Logger log = LoggerFactory.getLogger(CollectorConnection.class);

    /** An answer that is owed, in arrival order; {@code ack} is null until it is known. */
    private static final class Owed {
        final int source;
        final int destination;
        PushAcknowledgement ack;

        Owed(int source, int destination) {
            this.source = source;
            this.destination = destination;
        }
    }

    private final HeadEndServices services;
    private final ArrayDeque<Owed> owed = new ArrayDeque<>();
    private String collector;
    private String peer;
    private boolean paused;

    CollectorConnection(HeadEndServices services) {
        this.services = services;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        peer = String.valueOf(ctx.channel().remoteAddress());
        SslHandler tls = ctx.pipeline().get(SslHandler.class);
        if (tls != null) {
            tls.handshakeFuture().addListener(done -> {
                if (done.isSuccess()) {
                    collector = collectorOf(tls);
                    services.collectors().connected(collector, peer);
                } else {
                    services.events().handshakeRefused(peer, done.cause());
                }
            });
        }
        super.channelActive(ctx);
    }

    /** The collector id: the common name of the client certificate that the handshake verified. */
    private static String collectorOf(SslHandler tls) {
        return CollectorTls.collectorIdOf(tls.engine().getSession());
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, ByteBuf frame) {
        int base = frame.readerIndex();
        int version = frame.getUnsignedShort(base + WrapperDescriptor.VERSION_OFFSET);
        int source = frame.getUnsignedShort(base + WrapperDescriptor.SOURCE_OFFSET);
        int destination = frame.getUnsignedShort(base + WrapperDescriptor.DESTINATION_OFFSET);
        if (version != WrapperDescriptor.VERSION) {
            reject(new FrameRejected(RejectionReason.MALFORMED, "wrapper version " + version), null);
            ctx.close();
            return;
        }
        byte[] payload = ByteBufUtil.getBytes(
                frame, base + WrapperDescriptor.HEADER_LENGTH, frame.readableBytes() - WrapperDescriptor.HEADER_LENGTH);
        Owed answer = new Owed(source, destination);
        owed.add(answer);
        CompletableFuture<PushAcknowledgement> outcome;
        try {
            outcome = destination == CollectorMessage.HEAD_END_WPORT ? collectorMessage(payload) : meterFrame(payload);
        } catch (DataAccessException e) {
            // The frame could not be checked (a meter not in memory, and the database unreachable). Refusing it
            // would lose a good frame; the connection closes instead, and the collector sends every frame it has
            // no answer for again.
            log.warn("Closing the connection from {}: the store is unavailable ({})", peer, e.getMessage());
            owed.removeLast();
            ctx.close();
            return;
        }
        if (outcome.isDone()) {
            answer.ack = outcome.join();
            answerReady(ctx);
        } else {
            outcome.whenComplete((ack, failure) -> ctx.executor().execute(() -> {
                if (failure != null) {
                    log.warn("Closing the connection from {}: a frame's outcome failed: {}", peer, failure.toString());
                    ctx.close();
                    return;
                }
                answer.ack = ack;
                answerReady(ctx);
            }));
        }
        if (!paused && owed.size() >= services.properties().window()) {
            paused = true;
            ctx.channel().config().setAutoRead(false);
            services.backpressure().increment();
        }
    }

    private CompletableFuture<PushAcknowledgement> collectorMessage(byte[] payload) {
        try {
            CollectorMessage message = CollectorMessage.decode(payload);
            if (collector == null) {
                throw new FrameRejected(RejectionReason.MALFORMED, "a collector message outside mutual TLS");
            }
            return services.collectors().message(collector, message);
        } catch (DlmsException e) {
            reject(new FrameRejected(RejectionReason.MALFORMED, "collector message: " + e.getMessage()), null);
        } catch (FrameRejected e) {
            reject(e, null);
        }
        return CompletableFuture.completedFuture(new PushAcknowledgement(
                PushAcknowledgement.Status.REJECTED, new SystemTitle(0), InvocationCounter.ZERO));
    }

    private CompletableFuture<PushAcknowledgement> meterFrame(byte[] payload) {
        GeneralGloCiphering.Located apdu;
        InvocationCounter counter;
        try {
            apdu = GeneralGloCiphering.locate(payload, 0, payload.length);
            counter = SecuritySuite0.peekInvocationCounter(payload, apdu.contentOffset(), apdu.contentLength());
        } catch (DlmsException e) {
            reject(new FrameRejected(RejectionReason.MALFORMED, e.getMessage()), null);
            return CompletableFuture.completedFuture(new PushAcknowledgement(
                    PushAcknowledgement.Status.REJECTED, new SystemTitle(0), InvocationCounter.ZERO));
        }
        SystemTitle title = apdu.systemTitle();
        try {
            services.rateLimit(collector != null ? collector : peer, title);
            Incoming incoming = services.verifier().verify(payload, apdu, collector, Instant.now());
            services.watch().heard(incoming, collector);
            return services.pipeline().submit(incoming).thenApply(outcome -> acknowledge(incoming, outcome));
        } catch (FrameRejected rejected) {
            reject(rejected, title.value());
            return CompletableFuture.completedFuture(
                    new PushAcknowledgement(PushAcknowledgement.Status.REJECTED, title, counter));
        } catch (DataAccessException e) {
            throw e;
        } catch (RuntimeException e) {
            log.error("Refusing a frame from {} after an unexpected failure", peer, e);
            reject(new FrameRejected(RejectionReason.MALFORMED, "unexpected failure: " + e), title.value());
            return CompletableFuture.completedFuture(
                    new PushAcknowledgement(PushAcknowledgement.Status.REJECTED, title, counter));
        }
    }

    private PushAcknowledgement acknowledge(Incoming frame, BatchWriter.Outcome outcome) {
        SystemTitle title = frame.meter().systemTitle();
        return switch (outcome) {
            case ACCEPTED -> {
                Incoming.Fresh fresh = (Incoming.Fresh) frame;
                services.events().frameAccepted(fresh.content().readingCount());
                services.watch().stored(fresh);
                yield new PushAcknowledgement(PushAcknowledgement.Status.ACCEPTED, title, frame.counter());
            }
            case DUPLICATE -> {
                services.events().frameDuplicate();
                yield new PushAcknowledgement(PushAcknowledgement.Status.DUPLICATE, title, frame.counter());
            }
            case REPLAYED -> {
                reject(FrameVerifier.replay(frame), title.value());
                yield new PushAcknowledgement(PushAcknowledgement.Status.REJECTED, title, frame.counter());
            }
        };
    }

    private void reject(FrameRejected rejection, Long title) {
        services.events().frameRejected(rejection, title, collector != null ? "collector " + collector : peer);
    }

    /** Writes the answers that are ready at the head of the queue, in order; resumes reading once half are out. */
    private void answerReady(ChannelHandlerContext ctx) {
        boolean wrote = false;
        while (!owed.isEmpty() && owed.peek().ack != null) {
            Owed answer = owed.poll();
            byte[] reply = new WrapperFrame(answer.destination, answer.source, answer.ack.encode()).encode();
            ctx.write(Unpooled.wrappedBuffer(reply), ctx.voidPromise());
            wrote = true;
        }
        if (wrote) {
            ctx.flush();
        }
        if (paused && owed.size() <= services.properties().window() / 2) {
            paused = false;
            ctx.channel().config().setAutoRead(true);
            ctx.read();
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof TooLongFrameException || cause.getCause() instanceof TooLongFrameException) {
            reject(new FrameRejected(RejectionReason.OVERSIZED, cause.getMessage()), null);
        } else {
            // Never the whole message: Netty puts the offending record's bytes into some of them.
            String why = String.valueOf(cause.getMessage());
            log.warn(
                    "Closing the connection from {}: {}: {}",
                    peer,
                    cause.getClass().getSimpleName(),
                    why.length() > 120 ? why.substring(0, 120) + "…" : why);
        }
        ctx.close();
    }
}
