package no.fint.platform.bench.trivial;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

/**
 * The trivial Helidon MP endpoint the consumer is measured against: it answers whatever bytes were
 * PUT to it, from memory, with their content type. Run as its own process by the benchmarks
 * ({@code io.helidon.microprofile.cdi.Main} on the bench jar).
 */
@Path("/blob")
@ApplicationScoped
public class BlobResource {

    private volatile byte[] body = new byte[0];
    private volatile String type = "application/json";

    @PUT
    public Response put(byte[] bytes, @HeaderParam("Content-Type") String contentType) {
        body = bytes;
        type = contentType == null ? "application/octet-stream" : contentType;
        return Response.noContent().build();
    }

    @GET
    public Response get() {
        return Response.ok(body, type).build();
    }
}
