package dev.culprit.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.locks.LockSupport;

/**
 * A TCP proxy on loopback in front of a server, passing every byte on as it comes, but each
 * byte the server sends only a fixed time after it arrived: an SMTP relay on the LAN, whose
 * every reply takes a round trip of that time. What the client sends is passed on at once.
 */
final class DelayingProxy implements AutoCloseable {
    private final ServerSocket listener;
    private final int targetPort;
    private final long delayNanos;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "delaying-proxy");
        t.setDaemon(true);
        return t;
    });

    DelayingProxy(int targetPort, Duration delay) throws IOException {
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.targetPort = targetPort;
        this.delayNanos = delay.toNanos();
        threads.execute(this::acceptAll);
    }

    int port() {
        return listener.getLocalPort();
    }

    private void acceptAll() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                client.setTcpNoDelay(true);
                server.setTcpNoDelay(true);
                threads.execute(() -> pass(client, server));
                threads.execute(() -> passDelayed(server, client));
            } catch (IOException e) {
                // closed: the benchmark is over
            }
        }
    }

    /** Client to server: at once. */
    private static void pass(Socket from, Socket to) {
        try (InputStream in = from.getInputStream()) {
            OutputStream out = to.getOutputStream();
            byte[] buf = new byte[65536];
            for (int n; (n = in.read(buf)) >= 0; ) {
                out.write(buf, 0, n);
                out.flush();
            }
            to.shutdownOutput();
        } catch (IOException e) {
            closeQuietly(to);
        }
    }

    private record Chunk(long due, byte[] bytes) {}

    /** Server to client: each chunk read is written {@code delay} after it arrived, in order. */
    private void passDelayed(Socket from, Socket to) {
        BlockingQueue<Chunk> queue = new LinkedBlockingQueue<>();
        threads.execute(() -> writeWhenDue(queue, to));
        try (InputStream in = from.getInputStream()) {
            byte[] buf = new byte[65536];
            for (int n; (n = in.read(buf)) >= 0; ) {
                queue.add(new Chunk(System.nanoTime() + delayNanos, Arrays.copyOf(buf, n)));
            }
        } catch (IOException e) {
            // the connection is gone: what was read still goes out
        }
        queue.add(new Chunk(System.nanoTime() + delayNanos, null));
    }

    private static void writeWhenDue(BlockingQueue<Chunk> queue, Socket to) {
        try {
            OutputStream out = to.getOutputStream();
            while (true) {
                Chunk c = queue.take();
                for (long wait; (wait = c.due() - System.nanoTime()) > 0; ) {
                    LockSupport.parkNanos(wait);
                }
                if (c.bytes() == null) {
                    to.shutdownOutput();
                    return;
                }
                out.write(c.bytes());
                out.flush();
            }
        } catch (IOException e) {
            closeQuietly(to);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        threads.shutdownNow();
    }
}
