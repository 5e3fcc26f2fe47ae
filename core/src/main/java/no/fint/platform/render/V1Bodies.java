package no.fint.platform.render;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The bodies FINT v1 answered outside a resource: its {@code ErrorResponse}, Spring Boot 1.5's default
 * error JSON, {@code /last-updated} and {@code /cache/size}. Byte for byte (reference §3, §1.2).
 */
public final class V1Bodies {

    /** {@code ISO8601DateFormat}: UTC, seconds, no milliseconds. */
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    public static final String ENTITY_NOT_FOUND = "no.fint.consumer.exceptions.EntityNotFoundException";
    public static final String CACHE_NOT_FOUND = "no.fint.cache.exceptions.CacheNotFoundException";
    public static final String TYPE_MISMATCH = "org.springframework.web.method.annotation.MethodArgumentTypeMismatchException";
    public static final String MISSING_HEADER = "org.springframework.web.bind.ServletRequestBindingException";
    public static final String METHOD_NOT_SUPPORTED = "org.springframework.web.HttpRequestMethodNotSupportedException";
    public static final String NOT_READABLE = "org.springframework.http.converter.HttpMessageNotReadableException";
    public static final String TOO_LARGE = "org.springframework.web.multipart.MaxUploadSizeExceededException";
    public static final String MEDIA_TYPE_NOT_SUPPORTED = "org.springframework.web.HttpMediaTypeNotSupportedException";

    private V1Bodies() {
    }

    /** A date as the v1 mapper wrote {@code java.util.Date}: {@code 2019-06-03T08:38:11Z}. */
    public static String isoDate(long epochMs) {
        return ISO.format(Instant.ofEpochMilli(epochMs));
    }

    /**
     * {@code ErrorResponse.of(e)}: {@code {"message":..,"exception":"class ..","cause":..}}, nulls left out.
     */
    public static byte[] errorResponse(String message, String exceptionClass, String cause) {
        ByteSink out = new ByteSink(128).write('{');
        boolean comma = false;
        if (message != null) {
            out.ascii("\"message\":").jsonString(message);
            comma = true;
        }
        if (comma) {
            out.write(',');
        }
        out.ascii("\"exception\":").jsonString("class " + exceptionClass);
        if (cause != null) {
            out.ascii(",\"cause\":").jsonString(cause);
        }
        return out.write('}').toByteArray();
    }

    /** 404 for a single resource not in the cache: the message is the identifier value. */
    public static byte[] entityNotFound(String idValue) {
        return errorResponse(idValue, ENTITY_NOT_FOUND, null);
    }

    /** 503 for an organisation this consumer has no cache for: the message is the orgId. */
    public static byte[] cacheNotFound(String orgId) {
        return errorResponse(orgId, CACHE_NOT_FOUND, null);
    }

    /**
     * Spring Boot 1.5's {@code DefaultErrorAttributes} JSON: timestamp, status, error, exception (when
     * one was thrown), message, path.
     */
    public static byte[] springError(long timestampMs, int status, String error, String exception, String message, String path) {
        ByteSink out = new ByteSink(256);
        out.ascii("{\"timestamp\":").jsonString(isoDate(timestampMs))
                .ascii(",\"status\":").number(status)
                .ascii(",\"error\":").jsonString(error);
        if (exception != null) {
            out.ascii(",\"exception\":").jsonString(exception);
        }
        out.ascii(",\"message\":").jsonString(message == null || message.isEmpty() ? "No message available" : message)
                .ascii(",\"path\":").jsonString(path)
                .write('}');
        return out.toByteArray();
    }

    /** No handler for the path (an unknown resource, identifier field or sub-path). */
    public static byte[] notFound(long timestampMs, String path) {
        return springError(timestampMs, 404, "Not Found", null, null, path);
    }

    /** A request parameter that does not convert to its declared type. */
    public static byte[] typeMismatch(long timestampMs, String message, String path) {
        return springError(timestampMs, 400, "Bad Request", TYPE_MISMATCH, message, path);
    }

    /** A required header that is missing (write, status and admin endpoints). */
    public static byte[] missingHeader(long timestampMs, String header, String path) {
        return springError(timestampMs, 400, "Bad Request", MISSING_HEADER,
                "Missing request header '" + header + "' for method parameter of type String", path);
    }

    /** A method the path has no handler for (a write to a class that is not writeable, DELETE where not enabled). */
    public static byte[] methodNotSupported(long timestampMs, String method, String path) {
        return springError(timestampMs, 405, "Method Not Allowed", METHOD_NOT_SUPPORTED, "Request method '" + method + "' not supported", path);
    }

    /** A request body that is missing or not JSON ({@code message} as Spring's converter put it). */
    public static byte[] notReadable(long timestampMs, String message, String path) {
        return springError(timestampMs, 400, "Bad Request", NOT_READABLE, message, path);
    }

    /** A request body of a type Spring's JSON converter does not read ({@code contentType} as declared). */
    public static byte[] mediaTypeNotSupported(long timestampMs, String contentType, String path) {
        return springError(timestampMs, 415, "Unsupported Media Type", MEDIA_TYPE_NOT_SUPPORTED,
                "Content type '" + contentType + "' not supported", path);
    }

    /** A request body over the consumer's limit. */
    public static byte[] tooLarge(long timestampMs, long limit, String path) {
        return springError(timestampMs, 413, "Payload Too Large", TOO_LARGE, "Maximum upload size of " + limit + " bytes exceeded", path);
    }

    /** {@code {"lastUpdated":"<ms>"}}: a string, as the v1 controller converted the long. */
    public static byte[] lastUpdated(long epochMs) {
        return new ByteSink(40).ascii("{\"lastUpdated\":\"").number(epochMs).ascii("\"}").toByteArray();
    }

    /** {@code {"size":n}}: a number. */
    public static byte[] cacheSize(int size) {
        return new ByteSink(24).ascii("{\"size\":").number(size).write('}').toByteArray();
    }
}
