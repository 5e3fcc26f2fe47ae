package no.fint.platform.consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import no.fint.platform.render.MediaNegotiation;

/**
 * What v1 added to every answer: the charset on its two JSON media types (Spring's Jackson converter
 * wrote {@code application/hal+json;charset=UTF-8}), and, as v1 controllers were {@code @CrossOrigin},
 * the request's Origin echoed with credentials allowed (Spring 4.3). An answer to HEAD gets the GET's
 * headers with the length of its body, and no body ({@link HeadBody}).
 */
@Provider
@ApplicationScoped
public class V1ResponseFilter implements ContainerResponseFilter {

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        MediaType type = response.getMediaType();
        if (type != null && type.getParameters().isEmpty() && "application".equals(type.getType())
                && ("hal+json".equals(type.getSubtype()) || "json".equals(type.getSubtype()))) {
            response.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, "json".equals(type.getSubtype()) ? MediaNegotiation.JSON : MediaNegotiation.HAL);
        }
        String origin = request.getHeaderString("Origin");
        if (origin != null && !origin.isBlank()) {
            response.getHeaders().putSingle("Access-Control-Allow-Origin", origin);
            response.getHeaders().putSingle("Access-Control-Allow-Credentials", "true");
        }
        if (response.hasEntity() && request.getMethod().equals(HttpMethod.HEAD)) {
            HeadBody.install(response);
        }
    }
}
