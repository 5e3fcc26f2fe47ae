package no.fint.platform.consumer;

import jakarta.ws.rs.client.WebTarget;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Real HTTP calls to the consumer under test (its {@code @HelidonTest} server), for the ITs: one client
 * and one way to build a request, so each test says only what it sends.
 */
final class TestHttp {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final String base;

    TestHttp(WebTarget target) {
        this.base = target.getUri().toString().replaceAll("/$", "");
    }

    String url(String path) {
        return base + path;
    }

    /**
     * Sends {@code body} as {@code contentType} (no header when null), with {@code token} as the bearer
     * token (none when null) and the given header name/value pairs.
     */
    HttpResponse<String> send(String method, String path, HttpRequest.BodyPublisher body, String contentType, String token,
                              String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url(path))).timeout(TIMEOUT).method(method, body);
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        try {
            return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(method + " " + path + " interrupted", e);
        }
    }

    /** As {@link #send}, with a JSON body (no body when null). */
    HttpResponse<String> json(String method, String path, String json, String token, String... headers) {
        return json == null
                ? send(method, path, HttpRequest.BodyPublishers.noBody(), null, token, headers)
                : send(method, path, HttpRequest.BodyPublishers.ofString(json), "application/json", token, headers);
    }

    /** An answer to {@link #lenient}: status, Content-Type and body. */
    record Answer(int status, String contentType, String body) {
    }

    /**
     * Sends {@code pathAndQuery} exactly as written, also what java.net.URI (and so HttpClient) refuses, such
     * as a malformed escape: through the JDK's lenient URL class.
     */
    @SuppressWarnings("deprecation")
    Answer lenient(String method, String pathAndQuery, String token) {
        try {
            HttpURLConnection c = (HttpURLConnection) new URL(url(pathAndQuery)).openConnection();
            c.setRequestMethod(method);
            c.setConnectTimeout((int) TIMEOUT.toMillis());
            c.setReadTimeout((int) TIMEOUT.toMillis());
            if (token != null) {
                c.setRequestProperty("Authorization", "Bearer " + token);
            }
            int status = c.getResponseCode();
            InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream();
            String body = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return new Answer(status, c.getContentType(), body);
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + pathAndQuery, e);
        }
    }

    /** An answer as it came over the wire: the status line, the header lines in order, the body (de-chunked). */
    record Wire(String statusLine, List<String> headerLines, byte[] body) {

        int status() {
            return Integer.parseInt(statusLine.split(" ")[1]);
        }

        /** The value of the one header {@code name} (any case), or null. */
        String header(String name) {
            String value = null;
            for (String line : headerLines) {
                if (line.substring(0, line.indexOf(':')).equalsIgnoreCase(name)) {
                    if (value != null) {
                        throw new AssertionError("two " + name + " headers in " + headerLines);
                    }
                    value = line.substring(line.indexOf(':') + 1).strip();
                }
            }
            return value;
        }

        String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /**
     * Sends {@code methods} for {@code pathAndQuery} on one connection, each written before any answer is
     * read (pipelined), with {@code token} (none when null) and the given header name/value pairs, and
     * reads the answers as HTTP/1.1 frames them: nothing after the header block of an answer to HEAD, else
     * the body its Content-Length or chunked encoding declares. Bytes a HEAD answer should not have had
     * would be read as the next answer's status line, so this also proves a HEAD answer had no body.
     */
    List<Wire> pipelined(List<String> methods, String pathAndQuery, String token, String... headers) {
        URI uri = URI.create(base);
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout((int) TIMEOUT.toMillis());
            StringBuilder requests = new StringBuilder();
            for (int i = 0; i < methods.size(); i++) {
                requests.append(methods.get(i)).append(' ').append(uri.getRawPath().replaceAll("/$", "")).append(pathAndQuery)
                        .append(" HTTP/1.1\r\nHost: ").append(uri.getHost()).append(':').append(uri.getPort()).append("\r\n");
                if (token != null) {
                    requests.append("Authorization: Bearer ").append(token).append("\r\n");
                }
                for (int h = 0; h < headers.length; h += 2) {
                    requests.append(headers[h]).append(": ").append(headers[h + 1]).append("\r\n");
                }
                if (i == methods.size() - 1) {
                    requests.append("Connection: close\r\n");
                }
                requests.append("\r\n");
            }
            OutputStream out = socket.getOutputStream();
            out.write(requests.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            List<Wire> answers = new ArrayList<>();
            for (String method : methods) {
                String statusLine = line(in);
                if (!statusLine.startsWith("HTTP/1.1 ")) {
                    throw new AssertionError("not a status line (bytes left over from the answer before?): " + statusLine);
                }
                List<String> lines = new ArrayList<>();
                for (String l = line(in); !l.isEmpty(); l = line(in)) {
                    lines.add(l);
                }
                Wire head = new Wire(statusLine, lines, new byte[0]);
                byte[] body;
                if (method.equals("HEAD")) {
                    body = new byte[0];
                } else if ("chunked".equalsIgnoreCase(head.header("Transfer-Encoding"))) {
                    ByteArrayOutputStream b = new ByteArrayOutputStream();
                    for (int n = Integer.parseInt(line(in), 16); n > 0; n = Integer.parseInt(line(in), 16)) {
                        b.write(in.readNBytes(n));
                        line(in);
                    }
                    line(in);
                    body = b.toByteArray();
                } else {
                    String length = head.header("Content-Length");
                    body = in.readNBytes(length == null ? 0 : Integer.parseInt(length));
                }
                answers.add(new Wire(statusLine, lines, body));
            }
            return answers;
        } catch (IOException e) {
            throw new UncheckedIOException(methods + " " + pathAndQuery, e);
        }
    }

    /** One CRLF-terminated line, without the CRLF. */
    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new IOException("connection closed after " + b.toString(StandardCharsets.ISO_8859_1));
            }
            b.write(c);
        }
        String l = b.toString(StandardCharsets.UTF_8);
        return l.endsWith("\r") ? l.substring(0, l.length() - 1) : l;
    }

    /**
     * Calls until {@code done} holds or 30 s have passed, and returns the last answer: the caller asserts
     * on it (never on how long it took).
     */
    static HttpResponse<String> poll(Supplier<HttpResponse<String>> call, Predicate<HttpResponse<String>> done)
            throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        HttpResponse<String> r = call.get();
        while (!done.test(r) && System.nanoTime() < deadline) {
            Thread.sleep(50);
            r = call.get();
        }
        return r;
    }
}
