package no.fint.platform.write;

/** What a client's write asks the source system to do (FINT's {@code Operation}, FINT v2's {@code operationType}). */
public enum Operation {
    CREATE, UPDATE, VALIDATE, DELETE;

    /** The operation named {@code name} (exact, upper case), or null. */
    public static Operation parse(String name) {
        if (name == null) {
            return null;
        }
        for (Operation o : values()) {
            if (o.name().equals(name)) {
                return o;
            }
        }
        return null;
    }
}
