package cn.foi.infra;

import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import de.bwaldvogel.mongo.MongoThreadFactory;
import de.bwaldvogel.mongo.wire.MongoDatabaseHandler;
import de.bwaldvogel.mongo.wire.MongoExceptionHandler;
import de.bwaldvogel.mongo.wire.MongoWireMessageEncoder;
import de.bwaldvogel.mongo.wire.MongoWireReplyEncoder;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;

/**
 * The network front of the MongoDB stand-in: mongo-java-server's own pipeline (as {@code MongoServer} builds it),
 * except that each message is read by {@link ReceivedWriteDecoder}, which hands write commands to the journal
 * with the bytes they arrived as. {@code MongoServer} builds its pipeline inside {@code bind} and offers no way
 * to change it, hence this class.
 */
final class MongoWireServer {

    private static final Logger log = LoggerFactory.getLogger(MongoWireServer.class);

    private final JournaledMemoryBackend backend;
    private EventLoopGroup bossGroup;
    private EventLoopGroup workerGroup;
    private ChannelGroup clients;
    private Channel listening;

    MongoWireServer(JournaledMemoryBackend backend) {
        this.backend = backend;
    }

    /** Listens on the address (port 0: a free one); after a failure the caller must {@link #shutdownNow()}. */
    InetSocketAddress bind(InetSocketAddress address) {
        bossGroup = new NioEventLoopGroup(1, new MongoThreadFactory("mongo-server-boss"));
        workerGroup = new NioEventLoopGroup(0, new MongoThreadFactory("mongo-server-worker"));
        clients = new DefaultChannelGroup("mongodb-channels", workerGroup.next());
        listening = new ServerBootstrap()
                .group(bossGroup, workerGroup)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 100)
                .localAddress(address)
                .childOption(ChannelOption.TCP_NODELAY, Boolean.TRUE)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    public void initChannel(SocketChannel channel) {
                        channel.pipeline().addLast(new MongoWireReplyEncoder());
                        channel.pipeline().addLast(new MongoWireMessageEncoder());
                        channel.pipeline().addLast(new ReceivedWriteDecoder());
                        channel.pipeline().addLast(new MongoDatabaseHandler(backend, clients));
                        channel.pipeline().addLast(new MongoExceptionHandler());
                    }
                })
                .bind().syncUninterruptibly().channel();
        return localAddress();
    }

    InetSocketAddress localAddress() {
        return listening == null ? null : (InetSocketAddress) listening.localAddress();
    }

    /** Stops listening, closes every client and then the backend, which forces and closes its journal. */
    void shutdownNow() {
        if (listening != null) {
            listening.close().syncUninterruptibly();
            listening = null;
        }
        if (clients != null) {
            clients.close().syncUninterruptibly();
        }
        for (EventLoopGroup group : new EventLoopGroup[]{bossGroup, workerGroup}) {
            if (group != null) {
                group.shutdownGracefully(0, 5, TimeUnit.SECONDS).syncUninterruptibly();
            }
        }
        backend.close();
        log.info("MongoDB stand-in stopped");
    }
}
