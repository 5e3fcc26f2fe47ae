package no.fint.platform.auth;

import no.fint.platform.model.Component;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One entry of the {@code Roles} claim: the right of an adapter or a client to one component, named as
 * FINT's IdP names it: {@code FINT_Adapter_utdanning_elev}, {@code FINT_Client_felles_kodeverk_iso}
 * (the package's levels joined by {@code _}).
 */
public record Role(PrincipalKind kind, Component component) {

    private static final Pattern ROLE = Pattern.compile("FINT_(Adapter|Client)_([a-z0-9]+)_([a-z0-9]+(?:_[a-z0-9]+)*)",
            Pattern.CASE_INSENSITIVE);

    /** The role a text names, or empty when it is not a FINT component role (other roles are ignored). */
    public static Optional<Role> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = ROLE.matcher(text.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        PrincipalKind kind = m.group(1).equalsIgnoreCase("Adapter") ? PrincipalKind.ADAPTER : PrincipalKind.CLIENT;
        return Optional.of(new Role(kind, new Component(m.group(2), m.group(3).replace('_', '.'))));
    }

    /** The role's name as the IdP issues it. */
    public String text() {
        return "FINT_" + kind.roleWord() + "_" + component.domain() + "_" + component.pkg().replace('.', '_').toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return text();
    }
}
