package no.fint.platform.write;

import java.util.Map;

/**
 * The status a rejection is answered with: v1 looked the adapter's {@code statusCode} up as a name of
 * Spring's {@code HttpStatus} enum ({@code NOT_FOUND} gives 404, {@code GONE} 410), and answered 400
 * for a blank or unknown one. Here only the client and server error names of Spring 4.3's enum
 * count: a rejection answered 2xx or 3xx would tell the client its write went through.
 */
public final class HttpStatusNames {

    private static final Map<String, Integer> ERRORS = Map.ofEntries(
            Map.entry("BAD_REQUEST", 400), Map.entry("UNAUTHORIZED", 401), Map.entry("PAYMENT_REQUIRED", 402),
            Map.entry("FORBIDDEN", 403), Map.entry("NOT_FOUND", 404), Map.entry("METHOD_NOT_ALLOWED", 405),
            Map.entry("NOT_ACCEPTABLE", 406), Map.entry("PROXY_AUTHENTICATION_REQUIRED", 407), Map.entry("REQUEST_TIMEOUT", 408),
            Map.entry("CONFLICT", 409), Map.entry("GONE", 410), Map.entry("LENGTH_REQUIRED", 411),
            Map.entry("PRECONDITION_FAILED", 412), Map.entry("PAYLOAD_TOO_LARGE", 413), Map.entry("REQUEST_ENTITY_TOO_LARGE", 413),
            Map.entry("URI_TOO_LONG", 414), Map.entry("REQUEST_URI_TOO_LONG", 414), Map.entry("UNSUPPORTED_MEDIA_TYPE", 415),
            Map.entry("REQUESTED_RANGE_NOT_SATISFIABLE", 416), Map.entry("EXPECTATION_FAILED", 417), Map.entry("I_AM_A_TEAPOT", 418),
            Map.entry("INSUFFICIENT_SPACE_ON_RESOURCE", 419), Map.entry("METHOD_FAILURE", 420), Map.entry("DESTINATION_LOCKED", 421),
            Map.entry("UNPROCESSABLE_ENTITY", 422), Map.entry("LOCKED", 423), Map.entry("FAILED_DEPENDENCY", 424),
            Map.entry("UPGRADE_REQUIRED", 426), Map.entry("PRECONDITION_REQUIRED", 428), Map.entry("TOO_MANY_REQUESTS", 429),
            Map.entry("REQUEST_HEADER_FIELDS_TOO_LARGE", 431), Map.entry("UNAVAILABLE_FOR_LEGAL_REASONS", 451),
            Map.entry("INTERNAL_SERVER_ERROR", 500), Map.entry("NOT_IMPLEMENTED", 501), Map.entry("BAD_GATEWAY", 502),
            Map.entry("SERVICE_UNAVAILABLE", 503), Map.entry("GATEWAY_TIMEOUT", 504), Map.entry("HTTP_VERSION_NOT_SUPPORTED", 505),
            Map.entry("VARIANT_ALSO_NEGOTIATES", 506), Map.entry("INSUFFICIENT_STORAGE", 507), Map.entry("LOOP_DETECTED", 508),
            Map.entry("BANDWIDTH_LIMIT_EXCEEDED", 509), Map.entry("NOT_EXTENDED", 510), Map.entry("NETWORK_AUTHENTICATION_REQUIRED", 511));

    private HttpStatusNames() {
    }

    /** The HTTP status of a rejection with this {@code statusCode} (exact, case-sensitive enum name); 400 otherwise. */
    public static int rejection(String statusCode) {
        if (statusCode == null) {
            return 400;
        }
        Integer s = ERRORS.get(statusCode);
        return s == null ? 400 : s;
    }
}
