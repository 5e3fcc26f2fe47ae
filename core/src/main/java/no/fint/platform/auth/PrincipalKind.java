package no.fint.platform.auth;

import java.util.Locale;

/** What a token is for, from its {@code scope}: an adapter (provider API) or a client (consumer API). */
public enum PrincipalKind {
    ADAPTER("fint-adapter", "Adapter"),
    CLIENT("fint-client", "Client");

    private final String scope;
    private final String roleWord;

    PrincipalKind(String scope, String roleWord) {
        this.scope = scope;
        this.roleWord = roleWord;
    }

    /** The OAuth2 scope FINT's IdP issues for this kind, e.g. {@code fint-adapter}. */
    public String scope() {
        return scope;
    }

    /** The word in role names, e.g. {@code Adapter} in {@code FINT_Adapter_utdanning_elev}. */
    public String roleWord() {
        return roleWord;
    }

    public String lowerName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
