package no.fint.platform.bench;

import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An HTTP/1.1 keep-alive load generator on one NIO thread, in two modes:
 * <ul>
 * <li>closed loop ({@link #saturate}): every connection sends its next request as soon as the answer
 * is in; gives the throughput at saturation;</li>
 * <li>open loop ({@link #fixedRate}): requests are due at a fixed rate whatever the server does; a
 * request waits (on a free connection) when all are busy, and its latency counts from when it was
 * due, so a slow server cannot hide its queueing (no coordinated omission). Sends are issued on a
 * 1 ms tick, which adds at most 1 ms to a measured latency.</li>
 * <li>each once ({@link #sendEach}): a list of different requests (the ingest benchmark's pages), each
 * sent once, at most so many at a time; the answers' statuses are kept.</li>
 * </ul>
 * Responses are parsed enough to find their end (Content-Length or chunked). One thread and no
 * per-request objects, so the generator takes little of the CPU the measured service needs.
 */
public final class LoadGen {

    public record Result(long requests, long bodyBytes, double seconds, Histogram latencyMicros, long errors) {
        public double perSecond() {
            return requests / seconds;
        }

        public double bodyMBps() {
            return bodyBytes / seconds / 1_000_000.0;
        }

        public double percentileMillis(double p) {
            return latencyMicros.getValueAtPercentile(p) / 1000.0;
        }

        public String summary() {
            return String.format(Locale.ROOT, "%,.0f req/s, %.1f MB/s body, p50 %.2f ms, p99 %.2f ms, p99.9 %.2f ms, max %.2f ms, %d errors",
                    perSecond(), bodyMBps(), percentileMillis(50), percentileMillis(99), percentileMillis(99.9),
                    latencyMicros.getMaxValue() / 1000.0, errors);
        }
    }

    private final InetSocketAddress address;
    private final byte[] request;

    public LoadGen(String host, int port, String pathAndQuery) {
        this(host, port, pathAndQuery, null);
    }

    /** @param token a bearer token every request carries (null: none) */
    public LoadGen(String host, int port, String pathAndQuery, String token) {
        this.address = new InetSocketAddress(host, port);
        this.request = ("GET " + pathAndQuery + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\nAccept: */*\r\n"
                + (token == null ? "" : "Authorization: Bearer " + token + "\r\n") + "\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    public Result saturate(int connections, Duration warmup, Duration duration) throws IOException {
        return run(connections, 0, warmup, duration);
    }

    public Result fixedRate(int connections, double perSecond, Duration warmup, Duration duration) throws IOException {
        return run(connections, perSecond, warmup, duration);
    }

    private Result run(int connections, double rate, Duration warmup, Duration duration) throws IOException {
        try (Selector selector = Selector.open()) {
            List<Conn> conns = new ArrayList<>();
            ArrayDeque<Conn> idle = new ArrayDeque<>();
            for (int i = 0; i < connections; i++) {
                Conn c = Conn.open(address, selector);
                conns.add(c);
                idle.add(c);
            }
            Histogram hist = new Histogram(60_000_000L, 3);
            long start = System.nanoTime();
            long measureFrom = start + warmup.toNanos();
            long end = measureFrom + duration.toNanos();
            long requests = 0;
            long bytes = 0;
            long errors = 0;
            ArrayDeque<Long> due = new ArrayDeque<>();
            double interval = rate > 0 ? 1e9 / rate : 0;
            long scheduled = 0;
            if (rate <= 0) {
                while (!idle.isEmpty()) {
                    idle.poll().send(request, System.nanoTime());
                }
            }
            while (true) {
                long now = System.nanoTime();
                if (now >= end) {
                    break;
                }
                if (rate > 0) {
                    while (start + (long) (scheduled * interval) <= now) {
                        due.add(start + (long) (scheduled * interval));
                        scheduled++;
                    }
                    while (!due.isEmpty() && !idle.isEmpty()) {
                        idle.poll().send(request, due.poll());
                    }
                }
                selector.select(1);
                for (SelectionKey k : selector.selectedKeys()) {
                    Conn c = (Conn) k.attachment();
                    try {
                        if (k.isValid() && k.isWritable()) {
                            c.flush();
                        }
                        if (k.isValid() && k.isReadable() && c.read()) {
                            long done = System.nanoTime();
                            if (c.sentAt >= measureFrom && done < end) {
                                requests++;
                                bytes += c.bodyBytes;
                                hist.recordValue(Math.min(60_000_000L, Math.max(1, (done - c.sentAt) / 1000)));
                                if (c.status != 200) {
                                    errors++;
                                }
                            }
                            if (rate > 0) {
                                if (!due.isEmpty()) {
                                    c.send(request, due.poll());
                                } else {
                                    idle.add(c);
                                }
                            } else {
                                c.send(request, done);
                            }
                        }
                    } catch (IOException e) {
                        errors++;
                        k.cancel();
                    }
                }
                selector.selectedKeys().clear();
            }
            for (Conn c : conns) {
                c.ch.close();
            }
            return new Result(requests, bytes, duration.toNanos() / 1e9, hist, errors);
        }
    }

    /** An HTTP/1.1 request: its head (request line and headers, up to the blank line) and its body. */
    public record Request(byte[] head, byte[] body) {
        /** A request with a body of {@code contentType}; {@code headers} are extra lines ("Name: value"). */
        public static Request of(String method, InetSocketAddress to, String pathAndQuery, String contentType, byte[] body, String... headers) {
            StringBuilder h = new StringBuilder(method).append(' ').append(pathAndQuery).append(" HTTP/1.1\r\nHost: ")
                    .append(to.getHostString()).append(':').append(to.getPort()).append("\r\nContent-Type: ").append(contentType)
                    .append("\r\nContent-Length: ").append(body.length).append("\r\n");
            for (String line : headers) {
                h.append(line).append("\r\n");
            }
            return new Request(h.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII), body);
        }
    }

    /**
     * Sends each request once, at most {@code connections} at a time (a connection sends its next
     * request when the answer to its last one is in); each latency goes into {@code latencyMicros}.
     * Returns the statuses in the order of {@code requests}; fails when all are not answered within
     * {@code timeout}.
     */
    public static int[] sendEach(InetSocketAddress address, List<Request> requests, int connections, Histogram latencyMicros,
                                 Duration timeout) throws IOException {
        int[] statuses = new int[requests.size()];
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Selector selector = Selector.open()) {
            List<Conn> conns = new ArrayList<>();
            int next = 0;
            int answered = 0;
            for (int i = 0; i < Math.min(connections, requests.size()); i++) {
                Conn c = Conn.open(address, selector);
                conns.add(c);
                c.index = next;
                c.send(requests.get(next), System.nanoTime());
                next++;
            }
            try {
                while (answered < requests.size()) {
                    if (System.nanoTime() > deadline) {
                        throw new IOException("only " + answered + " of " + requests.size() + " requests answered within " + timeout);
                    }
                    selector.select(100);
                    for (SelectionKey k : selector.selectedKeys()) {
                        Conn c = (Conn) k.attachment();
                        if (k.isValid() && k.isWritable()) {
                            c.flush();
                        }
                        if (k.isValid() && k.isReadable() && c.read()) {
                            long done = System.nanoTime();
                            latencyMicros.recordValue(Math.min(latencyMicros.getHighestTrackableValue(), Math.max(1, (done - c.sentAt) / 1000)));
                            statuses[c.index] = c.status;
                            answered++;
                            if (next < requests.size()) {
                                c.index = next;
                                c.send(requests.get(next), done);
                                next++;
                            }
                        }
                    }
                    selector.selectedKeys().clear();
                }
            } finally {
                for (Conn c : conns) {
                    c.ch.close();
                }
            }
        }
        return statuses;
    }

    private static final byte[] NO_BODY = new byte[0];

    /** One keep-alive connection and the parse state of its current response. */
    private static final class Conn {
        final SocketChannel ch;
        SelectionKey key;
        final ByteBuffer in = ByteBuffer.allocateDirect(256 * 1024);
        final ByteBuffer[] out = new ByteBuffer[2];
        long sentAt;
        int index;
        int status;
        long bodyBytes;
        // parse state
        private final StringBuilder head = new StringBuilder();
        private boolean inBody;
        private boolean chunked;
        private long remaining;
        private final StringBuilder chunkLine = new StringBuilder();
        private int chunkState; // 0 size line, 1 data, 2 CRLF after data, 3 final CRLF

        Conn(SocketChannel ch) {
            this.ch = ch;
        }

        /** A keep-alive connection to {@code address}, non-blocking, registered with {@code selector}. */
        static Conn open(InetSocketAddress address, Selector selector) throws IOException {
            SocketChannel ch = SocketChannel.open(address);
            ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
            ch.configureBlocking(false);
            Conn c = new Conn(ch);
            c.key = ch.register(selector, 0, c);
            return c;
        }

        void send(byte[] request, long intendedAt) throws IOException {
            send(request, NO_BODY, intendedAt);
        }

        void send(Request request, long intendedAt) throws IOException {
            send(request.head(), request.body(), intendedAt);
        }

        private void send(byte[] head, byte[] body, long intendedAt) throws IOException {
            sentAt = intendedAt;
            this.head.setLength(0);
            inBody = false;
            bodyBytes = 0;
            status = 0;
            out[0] = ByteBuffer.wrap(head);
            out[1] = ByteBuffer.wrap(body);
            flush();
        }

        void flush() throws IOException {
            ch.write(out);
            key.interestOps(out[1].hasRemaining() ? SelectionKey.OP_WRITE | SelectionKey.OP_READ : SelectionKey.OP_READ);
        }

        /** Reads what is there; true when the response is complete. */
        boolean read() throws IOException {
            int n = ch.read(in);
            if (n < 0) {
                throw new IOException("connection closed by the server");
            }
            in.flip();
            boolean complete = false;
            while (in.hasRemaining() && !complete) {
                if (!inBody) {
                    byte b = in.get();
                    head.append((char) b);
                    int len = head.length();
                    if (len >= 4 && head.charAt(len - 1) == '\n' && head.charAt(len - 2) == '\r' && head.charAt(len - 3) == '\n' && head.charAt(len - 4) == '\r') {
                        startBody();
                        if (!chunked && remaining == 0) {
                            complete = true;
                        }
                    }
                } else if (!chunked) {
                    int take = (int) Math.min(remaining, in.remaining());
                    in.position(in.position() + take);
                    remaining -= take;
                    bodyBytes += take;
                    complete = remaining == 0;
                } else {
                    complete = chunk();
                }
            }
            in.compact();
            if (complete) {
                in.clear();
            }
            return complete;
        }

        private void startBody() {
            String h = head.toString();
            status = Integer.parseInt(h.substring(9, 12));
            String lower = h.toLowerCase(Locale.ROOT);
            chunked = lower.contains("transfer-encoding: chunked");
            int cl = lower.indexOf("content-length:");
            remaining = 0;
            if (!chunked && cl >= 0) {
                int e = lower.indexOf('\r', cl);
                remaining = Long.parseLong(lower.substring(cl + "content-length:".length(), e).strip());
            }
            inBody = true;
            chunkState = 0;
            chunkLine.setLength(0);
        }

        private boolean chunk() {
            switch (chunkState) {
                case 0 -> {
                    char c = (char) in.get();
                    if (c == '\n') {
                        String line = chunkLine.toString().strip();
                        int semi = line.indexOf(';');
                        remaining = Long.parseLong(semi >= 0 ? line.substring(0, semi) : line, 16);
                        chunkLine.setLength(0);
                        chunkState = remaining == 0 ? 3 : 1;
                    } else {
                        chunkLine.append(c);
                    }
                }
                case 1 -> {
                    int take = (int) Math.min(remaining, in.remaining());
                    in.position(in.position() + take);
                    remaining -= take;
                    bodyBytes += take;
                    if (remaining == 0) {
                        chunkState = 2;
                        remaining = 2;
                    }
                }
                case 2 -> {
                    in.get();
                    if (--remaining == 0) {
                        chunkState = 0;
                    }
                }
                case 3 -> {
                    char c = (char) in.get();
                    chunkLine.append(c);
                    if (c == '\n') {
                        boolean end = chunkLine.toString().equals("\r\n");
                        chunkLine.setLength(0);
                        return end; // an empty line ends the (trailer-less) body
                    }
                }
                default -> throw new IllegalStateException();
            }
            return false;
        }
    }
}
