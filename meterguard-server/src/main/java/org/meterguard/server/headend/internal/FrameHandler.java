package org.meterguard.server.headend.internal;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import org.meterguard.dlms.DlmsException;
import org.meterguard.dlms.GeneralGloCiphering;
import org.meterguard.dlms.InvocationCounter;
import org.meterguard.dlms.PushAcknowledgement;
import org.meterguard.dlms.SecuritySuite0;
import org.meterguard.dlms.SystemTitle;
import org.meterguard.dlms.WrapperDescriptor;
import org.meterguard.dlms.WrapperFrame;
import org.meterguard.server.headend.FrameRejected;
import org.meterguard.server.headend.RejectionReason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handles one complete wrapper frame at a time on a connection, off the event loop: verify, store, then
 * acknowledge. A refused frame is recorded and answered with the uniform REJECTED; a malformed wrapper closes
 * the connection. No exception escapes to take the connection handler down.
 */
class FrameHandler extends SimpleChannelInboundHandler<ByteBuf> {
    private static final Logger log = LoggerFactory.getLogger(FrameHandler.class);

    private final FrameVerifier verifier;
    private final PushIngest ingest;
    private final SecurityEvents events;

    FrameHandler(FrameVerifier verifier, PushIngest ingest, SecurityEvents events) {
        this.verifier = verifier;
        this.ingest = ingest;
        this.events = events;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, ByteBuf frame) {
        int version = frame.getUnsignedShort(frame.readerIndex() + WrapperDescriptor.VERSION_OFFSET);
        int source = frame.getUnsignedShort(frame.readerIndex() + WrapperDescriptor.SOURCE_OFFSET);
        int destination = frame.getUnsignedShort(frame.readerIndex() + WrapperDescriptor.DESTINATION_OFFSET);
        String peer = String.valueOf(ctx.channel().remoteAddress());
        if (version != WrapperDescriptor.VERSION) {
            events.frameRejected(
                    new FrameRejected(RejectionReason.MALFORMED, "wrapper version " + version), null, peer);
            ctx.close();
            return;
        }
        byte[] payload = ByteBufUtil.getBytes(
                frame,
                frame.readerIndex() + WrapperDescriptor.HEADER_LENGTH,
                frame.readableBytes() - WrapperDescriptor.HEADER_LENGTH);
        PushAcknowledgement ack = process(payload, peer);
        if (ack != null) {
            byte[] reply = new WrapperFrame(destination, source, ack.encode()).encode();
            ctx.writeAndFlush(Unpooled.wrappedBuffer(reply));
        }
    }

    private PushAcknowledgement process(byte[] payload, String peer) {
        GeneralGloCiphering apdu;
        InvocationCounter counter;
        try {
            apdu = GeneralGloCiphering.decode(payload);
            counter = SecuritySuite0.peekInvocationCounter(apdu.securedContent());
        } catch (DlmsException e) {
            events.frameRejected(new FrameRejected(RejectionReason.MALFORMED, e.getMessage()), null, peer);
            return null;
        }
        SystemTitle title = apdu.systemTitle();
        try {
            VerifiedPush push = verifier.verify(apdu);
            ingest.store(push);
            events.frameAccepted(push.readingCount());
            return new PushAcknowledgement(PushAcknowledgement.Status.ACCEPTED, title, counter);
        } catch (FrameRejected rejected) {
            events.frameRejected(rejected, title.value(), peer);
            return new PushAcknowledgement(PushAcknowledgement.Status.REJECTED, title, counter);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        log.warn("Closing the connection from {}: {}", ctx.channel().remoteAddress(), cause.toString());
        ctx.close();
    }
}
