package no.fint.platform.demo.adapter;

import no.fint.platform.auth.PrincipalKind;
import no.fint.platform.demo.DataSet;
import no.fint.platform.model.Component;
import no.fint.platform.tokens.SigningKey;
import no.fint.platform.tokens.TokenMinter;
import no.fint.platform.tokens.TokenRequest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Where the adapter's bearer token comes from: one given as it is ({@code --token}, e.g. from a real
 * IdP), or minted with a signing key the provider trusts (the local key of {@code ./fint up}) and minted
 * again before it expires.
 */
public interface TokenSource {

    /** The token to send now. */
    String token();

    static TokenSource fixed(String token) {
        return () -> token;
    }

    /**
     * Adapter tokens for the settings' organisation and username, with the adapter roles of every
     * component the data set covers, valid an hour and renewed five minutes before they expire.
     */
    static TokenSource minted(SigningKey key, String issuer, String audience, AdapterSettings settings, DataSet data) {
        List<Component> components = List.copyOf(data.components());
        TokenRequest request = new TokenRequest(PrincipalKind.ADAPTER, settings.username(), List.of(settings.orgId()), components,
                issuer, audience, Duration.ofHours(1));
        return new Minted(key, request, Clock.systemUTC());
    }

    /** Mints anew when the current token has less than five minutes left. */
    final class Minted implements TokenSource {
        private final SigningKey key;
        private final TokenRequest request;
        private final Clock clock;
        private String token;
        private Instant renewAt = Instant.MIN;

        Minted(SigningKey key, TokenRequest request, Clock clock) {
            this.key = key;
            this.request = request;
            this.clock = clock;
        }

        @Override
        public synchronized String token() {
            Instant now = clock.instant();
            if (!now.isBefore(renewAt)) {
                token = TokenMinter.mint(key, request, now);
                renewAt = now.plus(request.validity()).minus(Duration.ofMinutes(5));
            }
            return token;
        }
    }
}
