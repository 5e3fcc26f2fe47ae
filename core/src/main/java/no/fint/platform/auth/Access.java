package no.fint.platform.auth;

/**
 * The answer of an access rule: allowed, or refused with the HTTP status and a reason fit to show the
 * caller. 403 is a valid token without the right; 404 hides that something of another organisation
 * exists (the caller gets what it would get if it did not); 409 is a conflict with what exists.
 */
public record Access(boolean allowed, int status, String reason) {

    public static final Access ALLOWED = new Access(true, 200, null);

    public static Access forbidden(String reason) {
        return new Access(false, 403, reason);
    }

    public static Access hidden(String reason) {
        return new Access(false, 404, reason);
    }

    public static Access conflict(String reason) {
        return new Access(false, 409, reason);
    }

    /** This, or {@code next} when this allows. */
    public Access and(java.util.function.Supplier<Access> next) {
        return allowed ? next.get() : this;
    }
}
