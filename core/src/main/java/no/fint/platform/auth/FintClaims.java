package no.fint.platform.auth;

import no.fint.platform.records.Topics;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * Maps the claims of a validated token, as FINT's IdP issues them, to a {@link FintPrincipal}:
 * <ul>
 *   <li>{@code cn}: the user name (required, a string);</li>
 *   <li>{@code fintAssetIDs}: the organisations, comma separated (or a list); an asset in dash form
 *       ({@code rogfk-no}, {@code rogfk_no}, no dot at all) becomes the organisation id {@code rogfk.no},
 *       one with dots is taken as it is (so {@code nord-fron.no} keeps its dash); entries that are no
 *       organisation id are ignored, at least one must remain;</li>
 *   <li>{@code scope}: a list or a space-separated string; {@code fint-adapter} or {@code fint-client}
 *       decides the kind;</li>
 *   <li>{@code Roles}: a list (or a comma/space-separated string) of {@code FINT_Adapter_{domain}_{package}}
 *       and {@code FINT_Client_{domain}_{package}}; other roles are ignored.</li>
 * </ul>
 * A claim that is missing or of the wrong type makes the token invalid (401), never a principal with
 * fewer rights silently.
 */
public final class FintClaims {

    public static final String USERNAME = "cn";
    public static final String ASSETS = "fintAssetIDs";
    public static final String SCOPE = "scope";
    public static final String ROLES = "Roles";

    private FintClaims() {
    }

    /**
     * @param claim the token's claim by name: a {@code String}, a {@code Collection} of strings, or null when absent
     */
    public static FintPrincipal principal(Function<String, Object> claim) throws InvalidClaimsException {
        String username = string(claim, USERNAME);
        Set<String> orgs = new LinkedHashSet<>();
        for (String asset : values(claim, ASSETS, "[,\\s]+")) {
            String org = orgId(asset);
            if (org != null) {
                orgs.add(org);
            }
        }
        if (orgs.isEmpty()) {
            throw new InvalidClaimsException("claim " + ASSETS + " names no organisation");
        }
        Set<String> scopes = new LinkedHashSet<>(values(claim, SCOPE, "[,\\s]+"));
        Set<Role> roles = new LinkedHashSet<>();
        for (String r : values(claim, ROLES, "[,\\s]+")) {
            Role.parse(r).ifPresent(roles::add);
        }
        boolean adapter = scopes.contains(PrincipalKind.ADAPTER.scope());
        boolean client = scopes.contains(PrincipalKind.CLIENT.scope());
        PrincipalKind kind = adapter == client ? null : adapter ? PrincipalKind.ADAPTER : PrincipalKind.CLIENT;
        return new FintPrincipal(username, kind, orgs, roles, scopes);
    }

    /**
     * The organisation id an asset id stands for, or null when it is none: {@code rogfk-no} and
     * {@code rogfk_no} are {@code rogfk.no}; {@code rogfk.no} and {@code nord-fron.no} stay as they are.
     */
    public static String orgId(String asset) {
        if (asset == null) {
            return null;
        }
        String a = asset.strip().toLowerCase(Locale.ROOT);
        if (a.indexOf('.') < 0) {
            a = a.replace('-', '.').replace('_', '.');
        }
        return Topics.validOrgId(a) ? a : null;
    }

    private static String string(Function<String, Object> claim, String name) throws InvalidClaimsException {
        Object v = claim.apply(name);
        if (v == null) {
            throw new InvalidClaimsException("the token has no claim " + name);
        }
        if (!(v instanceof String s) || s.isBlank()) {
            throw new InvalidClaimsException("claim " + name + " is not a non-empty string");
        }
        return s.strip();
    }

    private static List<String> values(Function<String, Object> claim, String name, String separators) throws InvalidClaimsException {
        Object v = claim.apply(name);
        if (v == null) {
            throw new InvalidClaimsException("the token has no claim " + name);
        }
        List<String> out = new ArrayList<>();
        if (v instanceof String s) {
            for (String part : s.split(separators)) {
                if (!part.isBlank()) {
                    out.add(part.strip());
                }
            }
        } else if (v instanceof Collection<?> c) {
            for (Object o : c) {
                if (!(o instanceof String s)) {
                    throw new InvalidClaimsException("claim " + name + " holds something other than strings");
                }
                if (!s.isBlank()) {
                    out.add(s.strip());
                }
            }
        } else {
            throw new InvalidClaimsException("claim " + name + " is neither a string nor a list of strings");
        }
        return out;
    }
}
