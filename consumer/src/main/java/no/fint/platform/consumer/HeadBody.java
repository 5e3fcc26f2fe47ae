package no.fint.platform.consumer;

import io.helidon.common.context.Contexts;
import io.helidon.http.Header;
import io.helidon.http.HeaderValues;
import io.helidon.http.Status;
import io.helidon.webserver.http.RoutingResponse;
import io.helidon.webserver.http.ServerResponse;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The body of an answer to HEAD, counted as the GET writes it and never sent. v1's servlet container
 * ({@code HttpServlet.doHead}) answered HEAD with the GET's status and headers, {@code Content-Length}
 * the length of the GET's body, and no body. Jersey writes a HEAD answer's body nowhere, and Helidon
 * declares {@code Content-Length: 0} for a streamed answer nothing was written to (it keeps a length
 * set beforehand only on an answer sent whole). So the body is counted here; once it is complete, the
 * stream Jersey opened (nothing written to it yet) is dropped ({@link RoutingResponse#reset()}) and the
 * status and headers Jersey handed to Helidon go out as a whole answer without content, with that
 * length. The GET's rendering is the only cost; a GET is not touched.
 */
final class HeadBody extends OutputStream {

    private final OutputStream jersey;
    private final ContainerResponseContext response;
    private final RoutingResponse server;
    private long length;
    private boolean closed;

    private HeadBody(OutputStream jersey, ContainerResponseContext response, RoutingResponse server) {
        this.jersey = jersey;
        this.response = response;
        this.server = server;
    }

    /** Makes the body of {@code response}, an answer to HEAD, be counted instead of written. */
    static void install(ContainerResponseContext response) {
        Contexts.context().flatMap(c -> c.get(ServerResponse.class))
                .filter(RoutingResponse.class::isInstance)
                .ifPresent(s -> response.setEntityStream(new HeadBody(response.getEntityStream(), response, (RoutingResponse) s)));
    }

    @Override
    public void write(int b) {
        length++;
    }

    @Override
    public void write(byte[] b, int off, int len) {
        Objects.checkFromIndexSize(off, len, b.length);
        length += len;
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        response.getHeaders().putSingle(HttpHeaders.CONTENT_LENGTH, String.valueOf(length));
        // Jersey commits: it hands the status and headers to Helidon, and writes nothing for HEAD.
        jersey.close();
        Status status = server.status();
        List<Header> headers = new ArrayList<>();
        for (Header h : server.headers()) {
            headers.add(HeaderValues.create(h.headerName(), h.allValues()));
        }
        if (!server.reset()) {
            return; // something went out already: leave it to Helidon
        }
        server.status(status);
        headers.forEach(server::header);
        server.send(new byte[0]);
    }
}
