package no.fint.platform.write;

/**
 * One problem an adapter reports with a rejection (v1's {@code Problem}: keys {@code field, message,
 * code}, each optional), passed to the client unchanged.
 */
public record Problem(String field, String message, String code) {
}
