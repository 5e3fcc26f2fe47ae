package no.fint.platform.write;

/**
 * The v1 status table ({@code GET .../status/{corrId}}, fint-v1-consumer-api.md section 4), as one
 * pure decision over what the consumer knows of a request:
 *
 * <table>
 *   <tr><th>state</th><th>answer</th></tr>
 *   <tr><td>unknown, or created more than 30 minutes ago</td><td>410, empty</td></tr>
 *   <tr><td>{@code x-org-id} not the request's organisation</td><td>400 {@code {"message":"Invalid OrgId"}}</td></tr>
 *   <tr><td>no answer yet</td><td>202, empty</td></tr>
 *   <tr><td>nobody answered in time</td><td>500 {@code {"message":"Event expired","statusCode":"EXPIRED","responseStatus":"ERROR"}}</td></tr>
 *   <tr><td>ERROR</td><td>500, the adapter's EventResponse</td></tr>
 *   <tr><td>REJECTED</td><td>the status its {@code statusCode} names (4xx/5xx), else 400; the EventResponse</td></tr>
 *   <tr><td>CONFLICT</td><td>409, the conflicting resource</td></tr>
 *   <tr><td>ACCEPTED, VALIDATE</td><td>200, the EventResponse</td></tr>
 *   <tr><td>ACCEPTED, DELETE</td><td>204, empty (once the delete is in this consumer's cache)</td></tr>
 *   <tr><td>ACCEPTED, CREATE or UPDATE</td><td>303 See Other (201 when configured) with {@code Location} and the
 *   resource (once the adapter's version is in this consumer's cache: read your own write)</td></tr>
 * </table>
 * Until the cache holds the result of an accepted write, the answer is 202 as if pending.
 */
public final class StatusRules {

    /** v1's body for a status asked with another {@code x-org-id} than the write's. */
    public static final byte[] INVALID_ORG_ID = "{\"message\":\"Invalid OrgId\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    private StatusRules() {
    }

    public enum Kind {
        /** No body (202, 204, 410). */
        EMPTY,
        /** {@link StatusAnswer#body()} as is (an EventResponse or the Invalid OrgId message). */
        BODY,
        /** The resource {@link StatusAnswer#resource()} rendered as v1 serves it, with {@code Location} (303/201). */
        RESOURCE_AT_LOCATION,
        /** The resource {@link StatusAnswer#resource()} rendered as v1 serves it, no {@code Location} (409). */
        RESOURCE
    }

    /**
     * @param status   the HTTP status
     * @param kind     what the body is
     * @param body     for {@link Kind#BODY}
     * @param resource canonical JSON, for the two resource kinds
     */
    public record StatusAnswer(int status, Kind kind, byte[] body, String resource) {
        static StatusAnswer empty(int status) {
            return new StatusAnswer(status, Kind.EMPTY, null, null);
        }

        static StatusAnswer body(int status, byte[] body) {
            return new StatusAnswer(status, Kind.BODY, body, null);
        }
    }

    /**
     * @param tracked       what the consumer knows of the corrId, or null
     * @param orgId         the {@code x-org-id} of the status request
     * @param now           epoch ms
     * @param entityApplied true once this consumer's cache has read the entity record the answer wrote
     *                      (ignored for answers that write none)
     * @param created       true for v1's {@code fint.consumer.status.created}: 201 instead of 303
     */
    public static StatusAnswer decide(ClientLedger.Tracked tracked, String orgId, long now, boolean entityApplied, boolean created) {
        if (tracked == null || now - tracked.request().created() > ClientLedger.KEPT.toMillis()) {
            return StatusAnswer.empty(410);
        }
        if (!tracked.request().orgId().equals(orgId)) {
            return StatusAnswer.body(400, INVALID_ORG_ID);
        }
        if (tracked.expired()) {
            return StatusAnswer.body(500, EventResponses.expired());
        }
        WriteAnswer a = tracked.answer();
        if (a == null) {
            return StatusAnswer.empty(202);
        }
        return switch (a.status()) {
            case ERROR -> StatusAnswer.body(500, EventResponses.of(a));
            case REJECTED -> StatusAnswer.body(HttpStatusNames.rejection(a.statusCode()), EventResponses.of(a));
            case CONFLICT -> a.resource() != null ? new StatusAnswer(409, Kind.RESOURCE, null, a.resource())
                    : StatusAnswer.body(409, EventResponses.of(a));
            case ACCEPTED -> switch (tracked.request().operation()) {
                case VALIDATE -> StatusAnswer.body(200, EventResponses.of(a));
                case DELETE -> entityApplied ? StatusAnswer.empty(204) : StatusAnswer.empty(202);
                case CREATE, UPDATE -> entityApplied ? new StatusAnswer(created ? 201 : 303, Kind.RESOURCE_AT_LOCATION, null, a.resource())
                        : StatusAnswer.empty(202);
            };
        };
    }
}
