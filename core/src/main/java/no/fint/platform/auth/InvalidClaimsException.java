package no.fint.platform.auth;

/** A token whose signature and times are valid but whose FINT claims are missing or unusable (a 401). */
public final class InvalidClaimsException extends Exception {

    public InvalidClaimsException(String reason) {
        super(reason);
    }
}
