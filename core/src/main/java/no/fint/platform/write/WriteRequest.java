package no.fint.platform.write;

/**
 * A client's write on its way to the adapter: what FINT v2 calls {@code RequestFintEvent}, plus the
 * identifier route of an update or delete ({@code query}, as v1's event carried it) and the client.
 *
 * @param corrId     random UUID chosen by the consumer; the status URL ends with it
 * @param orgId      the organisation the write is for (the consumer's)
 * @param resource   the resource path, e.g. {@code /utdanning/elev/elev}
 * @param operation  CREATE, UPDATE, VALIDATE or DELETE
 * @param query      {@code idfield/value} of the route of a PUT or DELETE (lower-case field), else null
 * @param value      the resource in canonical JSON (validated and normalised by the consumer); null for DELETE
 * @param created    epoch ms the consumer accepted the write
 * @param timeToLive epoch ms after which nobody may answer it any more (an absolute deadline, as FINT v2
 *                   used the field, whatever its name says)
 * @param client     the {@code x-client} of the request
 */
public record WriteRequest(String corrId, String orgId, String resource, Operation operation, String query, String value,
                           long created, long timeToLive, String client) {

    /** The domain of the resource path ({@code utdanning}). */
    public String domainName() {
        return segments()[0];
    }

    /** The package of the resource path ({@code elev}; a nested one as {@code kodeverk/iso}). */
    public String packageName() {
        String[] s = segments();
        return String.join("/", java.util.Arrays.copyOfRange(s, 1, s.length - 1));
    }

    /** The resource name ({@code elev}). */
    public String resourceName() {
        String[] s = segments();
        return s[s.length - 1];
    }

    private String[] segments() {
        String[] s = resource.substring(1).split("/");
        if (s.length < 3) {
            throw new IllegalStateException("Not a resource path: " + resource);
        }
        return s;
    }
}
