package no.fint.platform.provider;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.client.WebTarget;
import jakarta.ws.rs.core.HttpHeaders;
import no.fint.platform.tokens.EphemeralIdp;

/**
 * The bearer token a test's WebTarget sends (unless a request sets its own Authorization): tests run
 * with authentication on, with tokens of the test JVM's {@link EphemeralIdp}.
 */
final class Bearer implements ClientRequestFilter {

    private volatile String token;

    /** Makes {@code target} send {@code token} from now on. */
    static WebTarget use(WebTarget target, String token) {
        for (Object o : target.getConfiguration().getInstances()) {
            if (o instanceof Bearer b) {
                b.token = token;
                return target;
            }
        }
        Bearer b = new Bearer();
        b.token = token;
        return target.register(b);
    }

    /** The token {@code target} sends, or null. */
    static String of(WebTarget target) {
        for (Object o : target.getConfiguration().getInstances()) {
            if (o instanceof Bearer b) {
                return b.token;
            }
        }
        return null;
    }

    @Override
    public void filter(ClientRequestContext request) {
        if (token != null && !request.getHeaders().containsKey(HttpHeaders.AUTHORIZATION)) {
            request.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        }
    }
}
