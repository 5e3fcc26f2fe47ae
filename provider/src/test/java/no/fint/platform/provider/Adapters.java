package no.fint.platform.provider;

import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.WebTarget;
import jakarta.ws.rs.core.Response;

import no.fint.platform.auth.PrincipalKind;
import no.fint.platform.tokens.EphemeralIdp;
import no.fint.platform.tokens.TokenRequest;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What an adapter sends, as JSON text (real HTTP, real JSON), with its bearer token. */
final class Adapters {

    private Adapters() {
    }

    /** The adapter token of an organisation with the roles of the components ("utdanning-elev"). */
    static String token(String orgId, String... components) {
        return EphemeralIdp.shared().adapter(orgId, components);
    }

    /**
     * Registers an adapter for {@code orgId} with the given resources ("utdanning/elev/elev"), returns its
     * id. From then on {@code target} sends that organisation's adapter token (with the roles of the
     * resources' components), as the registered adapter would.
     */
    static String register(WebTarget target, String orgId, String... resources) {
        String adapterId = "https://vendor.example/" + orgId + "/" + UUID.randomUUID();
        Set<String> components = new LinkedHashSet<>();
        for (String r : resources) {
            String[] p = r.split("/");
            components.add(String.join("-", java.util.Arrays.copyOfRange(p, 0, p.length - 1)));
        }
        Bearer.use(target, token(orgId, components.toArray(String[]::new)));
        StringBuilder caps = new StringBuilder();
        for (String r : resources) {
            String[] p = r.split("/");
            String pkg = String.join("/", java.util.Arrays.copyOfRange(p, 1, p.length - 1));
            if (caps.length() > 0) {
                caps.append(',');
            }
            caps.append("{\"domainName\":\"").append(p[0]).append("\",\"packageName\":\"").append(pkg)
                    .append("\",\"resourceName\":\"").append(p[p.length - 1])
                    .append("\",\"fullSyncIntervalInDays\":1,\"deltaSyncInterval\":\"IMMEDIATE\",\"entityUri\":\"/").append(r)
                    .append("\",\"component\":\"").append(p[0]).append('-').append(pkg.replace('/', '-')).append("\"}");
        }
        String body = "{\"adapterId\":\"" + adapterId + "\",\"orgId\":\"" + orgId + "\",\"username\":\"" + TokenRequest.defaultUsername(PrincipalKind.ADAPTER, orgId)
                + "\",\"heartbeatIntervalInMinutes\":1,\"time\":1760000000000,\"capabilities\":[" + caps + "]}";
        Response r = target.path("/provider/register").request().post(Entity.json(body));
        assertEquals(200, r.getStatus(), r.readEntity(String.class));
        return adapterId;
    }

    static String elev(String id) {
        return "{\"identifier\":\"" + id + "\",\"resource\":{\"systemId\":{\"identifikatorverdi\":\"" + id
                + "\",\"gyldighetsperiode\":null},\"elevnummer\":null,\"_links\":{\"self\":[{\"href\":\"${utdanning.elev.elev}/systemid/" + id + "\"}]}}}";
    }

    static String page(String corrId, String orgId, String adapterId, long totalSize, long page, long totalPages, List<String> entries) {
        return "{\"metadata\":{\"corrId\":\"" + corrId + "\",\"orgId\":\"" + orgId + "\",\"adapterId\":\"" + adapterId
                + "\",\"totalSize\":" + totalSize + ",\"page\":" + page + ",\"pageSize\":" + entries.size() + ",\"totalPages\":" + totalPages
                + ",\"uriRef\":\"/ignored\",\"time\":1},\"resources\":[" + String.join(",", entries) + "],\"syncType\":\"FULL\"}";
    }

    static List<String> elevs(String... ids) {
        List<String> out = new ArrayList<>();
        for (String id : ids) {
            out.add(elev(id));
        }
        return out;
    }

    /** Polls the sync status until it shows {@code state} (stale deletion runs after the last page's answer). */
    static String awaitState(WebTarget target, String corrId, String state) {
        long deadline = System.currentTimeMillis() + 30_000;
        String body = "";
        while (System.currentTimeMillis() < deadline) {
            Response r = target.path("/provider/sync/" + corrId).request().get();
            body = r.readEntity(String.class);
            if (r.getStatus() == 200 && body.contains("\"state\":\"" + state + "\"")) {
                return body;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        throw new AssertionError("sync " + corrId + " never reached " + state + ": " + body);
    }

    private static final java.net.http.HttpClient HTTP = java.net.http.HttpClient.newHttpClient();

    /** Any method with a JSON body (PATCH and DELETE with a body, as adapters send them). */
    static java.net.http.HttpResponse<String> send(WebTarget target, String method, String path, String body) {
        return send(target, method, path, java.net.http.HttpRequest.BodyPublishers.ofString(body));
    }

    /** As {@link #send(WebTarget, String, String, String)}; a body of unknown length goes chunked (Jersey's client would buffer it). */
    static java.net.http.HttpResponse<String> send(WebTarget target, String method, String path, java.net.http.HttpRequest.BodyPublisher body) {
        try {
            java.net.URI uri = target.getUri().resolve(path);
            java.net.http.HttpRequest.Builder request = java.net.http.HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                    .method(method, body);
            if (Bearer.of(target) != null) {
                request.header("Authorization", "Bearer " + Bearer.of(target));
            }
            return HTTP.send(request.build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An answer to {@link #lenient}: status, Content-Type and body. */
    record Answer(int status, String contentType, String body) {
    }

    /**
     * A GET of {@code pathAndQuery} exactly as written, also what java.net.URI (and so every HTTP client of
     * the JDK but one) refuses, such as a malformed escape: through the JDK's lenient URL class.
     */
    @SuppressWarnings("deprecation")
    static Answer lenient(WebTarget target, String pathAndQuery) {
        try {
            java.net.HttpURLConnection c = (java.net.HttpURLConnection) new java.net.URL(target.getUri().resolve("/") + pathAndQuery.substring(1))
                    .openConnection();
            if (Bearer.of(target) != null) {
                c.setRequestProperty("Authorization", "Bearer " + Bearer.of(target));
            }
            int status = c.getResponseCode();
            java.io.InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream();
            return new Answer(status, c.getContentType(), in == null ? "" : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * A request written as it is on a socket of its own (a request line or header block longer than the
     * server takes, a length whose body never comes: what no HTTP client sends), and the answer read up
     * to its {@code Content-Length}.
     */
    static Answer raw(WebTarget target, String head) {
        java.net.URI uri = target.getUri();
        try (java.net.Socket s = new java.net.Socket(uri.getHost(), uri.getPort())) {
            s.setSoTimeout(10_000);
            s.getOutputStream().write(head.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            s.getOutputStream().flush();
            java.io.InputStream in = s.getInputStream();
            StringBuilder h = new StringBuilder();
            while (!h.toString().endsWith("\r\n\r\n")) {
                int b = in.read();
                if (b < 0) {
                    throw new java.io.EOFException("the answer ended in its head: " + h);
                }
                h.append((char) b);
            }
            String[] lines = h.toString().split("\r\n");
            int status = Integer.parseInt(lines[0].split(" ")[1]);
            String type = null;
            int length = 0;
            for (String line : lines) {
                String name = line.contains(":") ? line.substring(0, line.indexOf(':')).trim().toLowerCase(java.util.Locale.ROOT) : "";
                String value = line.contains(":") ? line.substring(line.indexOf(':') + 1).trim() : "";
                if (name.equals("content-type")) {
                    type = value;
                } else if (name.equals("content-length")) {
                    length = Integer.parseInt(value);
                }
            }
            return new Answer(status, type, new String(in.readNBytes(length), java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static Response post(WebTarget target, String path, String body) {
        return target.path(path).request().post(Entity.json(body));
    }
}
