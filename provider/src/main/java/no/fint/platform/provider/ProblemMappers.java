package no.fint.platform.provider;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import no.fint.platform.api.provider.model.ProblemEntry;
import no.fint.platform.service.Problems;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Logger;

/** Every error of the provider API is problem+json; a client's mistake is never a 500. */
public final class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class.getName());

    private ProblemMappers() {
    }

    /** Malformed JSON (Jersey's own, more specific mapper would answer text/plain). */
    @Provider
    @ApplicationScoped
    @Priority(1)
    public static class JsonParseMapper implements ExceptionMapper<com.fasterxml.jackson.core.JsonParseException> {
        @Override
        public Response toResponse(com.fasterxml.jackson.core.JsonParseException e) {
            return JsonMapper.problem(e);
        }
    }

    /** A body of the wrong shape (Jersey's own mapper for this exact type would answer text/plain). */
    @Provider
    @ApplicationScoped
    @Priority(1)
    public static class JsonMappingMapper implements ExceptionMapper<com.fasterxml.jackson.databind.JsonMappingException> {
        @Override
        public Response toResponse(com.fasterxml.jackson.databind.JsonMappingException e) {
            return JsonMapper.problem(e);
        }
    }

    /** A body that does not fit the schema. */
    @Provider
    @ApplicationScoped
    @Priority(1)
    public static class DatabindMapper implements ExceptionMapper<com.fasterxml.jackson.databind.DatabindException> {
        @Override
        public Response toResponse(com.fasterxml.jackson.databind.DatabindException e) {
            return JsonMapper.problem(e);
        }
    }

    /** Any other Jackson failure. */
    @Provider
    @ApplicationScoped
    @Priority(1)
    public static class JsonMapper implements ExceptionMapper<JsonProcessingException> {
        @Override
        public Response toResponse(JsonProcessingException e) {
            return problem(e);
        }

        static Response problem(JsonProcessingException e) {
            for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
                if (t instanceof WebApplicationException w && w.getResponse().getStatus() == 413) {
                    // A body cut at the limit while Jackson read it (BodyLimitFilter): Jackson wrapped our 413.
                    return Problems.response(413, "Payload Too Large", w.getMessage());
                }
            }
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            String what = e.getOriginalMessage();
            // A value of the wrong kind (a fraction where a whole number belongs) is named by its field, as other bad input is.
            String field = e instanceof JsonMappingException m ? field(m.getPath()) : "";
            return field.isEmpty() ? Problems.response(400, "Malformed JSON", what + where)
                    : Problems.response(400, "Malformed JSON", what + where, List.of(Problems.entry(null, null, field, what)));
        }

        /** "capabilities[0].fullSyncIntervalInDays" from Jackson's path of references. */
        static String field(List<JsonMappingException.Reference> path) {
            StringBuilder out = new StringBuilder();
            for (JsonMappingException.Reference r : path) {
                if (r.getFieldName() != null) {
                    out.append(out.isEmpty() ? "" : ".").append(r.getFieldName());
                } else if (r.getIndex() >= 0) {
                    out.append('[').append(r.getIndex()).append(']');
                }
            }
            return out.toString();
        }
    }

    /** Bean validation of the generated interfaces (required fields, ranges). */
    @Provider
    @ApplicationScoped
    @Priority(1)
    public static class ValidationMapper implements ExceptionMapper<ConstraintViolationException> {
        @Override
        public Response toResponse(ConstraintViolationException e) {
            List<ProblemEntry> entries = e.getConstraintViolations().stream()
                    .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                    .map(v -> Problems.entry(null, null, field(v), v.getMessage()))
                    .toList();
            return Problems.response(400, "Invalid request", entries.size() + " constraint violation(s)", entries);
        }

        private static String field(ConstraintViolation<?> v) {
            // "fullSync.arg3.metadata.orgId" -> "metadata.orgId"
            String path = v.getPropertyPath().toString();
            String[] parts = path.split("\\.", 3);
            if (parts.length == 3) {
                return parts[2];
            }
            // "pollEvents.arg4": a parameter itself, named as the request names it
            String name = parameterName(v);
            return name != null ? name : "body";
        }

        /** The query, header or path name of the violated method parameter (its JAX-RS annotation), or null. */
        private static String parameterName(ConstraintViolation<?> v) {
            String method = null;
            int index = -1;
            for (Path.Node n : v.getPropertyPath()) {
                if (n.getKind() == ElementKind.METHOD) {
                    method = n.getName();
                } else if (n.getKind() == ElementKind.PARAMETER) {
                    index = n.as(Path.ParameterNode.class).getParameterIndex();
                }
            }
            return method == null || index < 0 ? null : parameterName(v.getRootBeanClass(), method, index);
        }

        private static String parameterName(Class<?> type, String method, int index) {
            if (type == null) {
                return null;
            }
            for (Method m : type.getDeclaredMethods()) {
                if (m.getName().equals(method) && m.getParameterCount() > index) {
                    for (Annotation a : m.getParameterAnnotations()[index]) {
                        if (a instanceof QueryParam q) {
                            return q.value();
                        } else if (a instanceof HeaderParam h) {
                            return h.value();
                        } else if (a instanceof PathParam p) {
                            return p.value();
                        }
                    }
                }
            }
            // The annotations live on the generated interface the resource implements.
            for (Class<?> i : type.getInterfaces()) {
                String name = parameterName(i, method, index);
                if (name != null) {
                    return name;
                }
            }
            return parameterName(type.getSuperclass(), method, index);
        }
    }

    /** 404, 405, 413, 415 and the other JAX-RS errors, as problems. */
    @Provider
    @ApplicationScoped
    @Priority(1)
    public static class WebMapper implements ExceptionMapper<WebApplicationException> {
        @jakarta.ws.rs.core.Context
        jakarta.ws.rs.core.UriInfo uri;

        @Override
        public Response toResponse(WebApplicationException e) {
            if (e.getResponse().hasEntity() && Problems.MEDIA_TYPE.equals(String.valueOf(e.getResponse().getMediaType()))) {
                return e.getResponse(); // already a problem (EnvelopeValidation)
            }
            if (e instanceof org.glassfish.jersey.server.ParamException p) {
                // JAX-RS answers a query parameter it cannot convert with 404, as if the path were
                // unknown; the caller's mistake is the parameter, so say which.
                return Problems.response(400, "Bad Request", p.getParameterType().getSimpleName().replace("Param", " parameter ")
                        + p.getParameterName() + " is not a valid value");
            }
            return Problems.of(e, uri, "provider");
        }
    }

    /** Anything else is our fault: log it, answer 500 without internals. */
    @Provider
    @ApplicationScoped
    @Priority(10)
    public static class FallbackMapper implements ExceptionMapper<Throwable> {
        @Override
        public Response toResponse(Throwable e) {
            return Problems.internal(LOG, "provider", e);
        }
    }
}
