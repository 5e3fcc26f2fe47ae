package no.fint.platform.demo.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import no.fint.platform.model.Component;
import no.fint.platform.model.InformationModel;
import no.fint.platform.model.ResourceType;
import no.fint.platform.relations.RelationRules;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * A client's walk over one consumer: reads every collection of the given components into a
 * {@link LinkIndex}, then follows every href of the resources of the walked components with a GET
 * (as a client following links would) and collects every one that does not answer 200.
 */
public final class LinkWalk {

    /**
     * @param consumer   the consumer's URL, e.g. {@code http://localhost:8082}
     * @param baseUrl    the base URL its links carry, e.g. {@code https://api.felleskomponent.no}
     * @param read       the components whose collections are read (the index)
     * @param follow     the components whose resources' hrefs are followed
     * @param token      the client's bearer token (asked again for every request, so it can renew)
     * @param parallel   requests in flight while following
     */
    public record Settings(URI consumer, String baseUrl, List<Component> read, List<Component> follow, Supplier<String> token,
                           int parallel) {
    }

    /** An href that did not answer 200 (status 0: not under the base URL, or no answer at all). */
    public record Dangling(String href, int status, String referrer) {
        @Override
        public String toString() {
            return href + " -> " + status + " (from " + referrer + ")";
        }
    }

    /** What a walk found; {@code followed} hrefs were requested, of which {@code dangling} did not answer 200. */
    public record Result(LinkIndex index, int followed, List<Dangling> dangling) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Settings settings;
    private final InformationModel model;
    // Its own small executor: the default one grows a thread per request in flight.
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .executor(java.util.concurrent.Executors.newFixedThreadPool(2, r -> {
                Thread t = new Thread(r, "link-walk-http");
                t.setDaemon(true);
                return t;
            })).build();

    public LinkWalk(Settings settings, InformationModel model) {
        this.settings = settings;
        this.model = model;
    }

    /** Reads every collection of the read components (an empty class is an empty collection). */
    public LinkIndex read() throws IOException, InterruptedException {
        LinkIndex index = new LinkIndex();
        for (Component c : settings.read()) {
            for (ResourceType type : model.resources(c)) {
                HttpResponse<byte[]> r = get(settings.consumer() + type.path());
                if (r.statusCode() != 200) {
                    throw new IOException("GET " + type.path() + " answered " + r.statusCode() + ": "
                            + new String(r.body(), java.nio.charset.StandardCharsets.UTF_8));
                }
                for (JsonNode entry : JSON.readTree(r.body()).path("_embedded").path("_entries")) {
                    index.add(type, entry);
                }
            }
        }
        return index;
    }

    /**
     * Follows every href of the followed components' resources; the ones that do not answer 200,
     * sorted. {@code parallel} threads each send one request at a time, so memory stays flat however
     * many hrefs there are.
     */
    public Result follow(LinkIndex index) throws InterruptedException {
        Set<String> paths = new TreeSet<>();
        settings.follow().forEach(c -> paths.add(c.path()));
        Map<String, String> hrefs = index.hrefs(paths);
        List<Dangling> dangling = Collections.synchronizedList(new ArrayList<>());
        Iterator<Map.Entry<String, String>> work = hrefs.entrySet().iterator();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < settings.parallel(); t++) {
            Thread thread = new Thread(() -> {
                while (true) {
                    Map.Entry<String, String> e;
                    synchronized (work) {
                        if (!work.hasNext()) {
                            return;
                        }
                        e = work.next();
                    }
                    int status = status(e.getKey());
                    if (status != 200) {
                        dangling.add(new Dangling(e.getKey(), status, e.getValue()));
                    }
                }
            }, "link-walk-" + t);
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        List<Dangling> sorted = new ArrayList<>(dangling);
        sorted.sort((a, b) -> a.href().compareTo(b.href()));
        return new Result(index, hrefs.size(), sorted);
    }

    /** The status a GET of {@code href} answers; 0 when it is not under the base URL or gets no answer. */
    private int status(String href) {
        if (!href.startsWith(settings.baseUrl() + "/")) {
            return 0;
        }
        try {
            return http.send(request(settings.consumer() + href.substring(settings.baseUrl().length())),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IllegalArgumentException | IOException notAUriOrNoAnswer) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    /** The inverse check on an index, with the rules of the walk's model. */
    public List<LinkIndex.Mismatch> inverseMismatches(LinkIndex index) {
        return index.inverseMismatches(RelationRules.of(model));
    }

    private HttpResponse<byte[]> get(String url) throws IOException, InterruptedException {
        return http.send(request(url), HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpRequest request(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + settings.token().get()).GET().build();
    }
}
