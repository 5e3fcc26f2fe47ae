package no.fint.platform.service.auth;

import no.fint.platform.auth.FintPrincipal;

/** What authenticating a request's {@code Authorization} header gave. */
public sealed interface Outcome {

    /** A valid token of this principal. */
    record Authenticated(FintPrincipal principal) implements Outcome {
    }

    /** No bearer token (401 without an error code, RFC 6750 3.1). */
    record Missing(String reason) implements Outcome {
    }

    /** A token that is not valid: signature, issuer, audience, times or FINT claims (401 invalid_token). */
    record Invalid(String reason) implements Outcome {
    }

    /** Tokens cannot be checked now: the keys could not be loaded (503). */
    record Unavailable(String reason) implements Outcome {
    }
}
