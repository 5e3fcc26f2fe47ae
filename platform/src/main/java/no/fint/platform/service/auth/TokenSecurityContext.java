package no.fint.platform.service.auth;

import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.core.SecurityContext;
import no.fint.platform.auth.FintPrincipal;
import no.fint.platform.auth.Role;

/** The JAX-RS security context of an authenticated request: its principal is the {@link FintPrincipal}. */
public final class TokenSecurityContext implements SecurityContext {

    private final FintPrincipal principal;
    private final boolean secure;

    public TokenSecurityContext(FintPrincipal principal, boolean secure) {
        this.principal = principal;
        this.secure = secure;
    }

    /** The caller of the current request (set by the service's authentication filter). */
    public static FintPrincipal principal(SecurityContext context) {
        if (context != null && context.getUserPrincipal() instanceof FintPrincipal p) {
            return p;
        }
        // Only reachable if a filter did not run: refuse rather than act for nobody.
        throw new NotAuthorizedException("Bearer");
    }

    @Override
    public FintPrincipal getUserPrincipal() {
        return principal;
    }

    @Override
    public boolean isUserInRole(String role) {
        return Role.parse(role).map(principal.roles()::contains).orElse(false);
    }

    @Override
    public boolean isSecure() {
        return secure;
    }

    @Override
    public String getAuthenticationScheme() {
        return "Bearer";
    }
}
