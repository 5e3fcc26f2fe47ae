package no.fint.platform.demo.adapter;

/** The three syncs and how each is sent. */
public enum SyncKind {
    FULL("POST", 201), DELTA("PATCH", 201), DELETE("DELETE", 200);

    private final String method;
    private final int success;

    SyncKind(String method, int success) {
        this.method = method;
        this.success = success;
    }

    public String method() {
        return method;
    }

    /** The status the provider answers when every record of the page is in Kafka. */
    public int success() {
        return success;
    }
}
