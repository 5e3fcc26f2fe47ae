package no.fint.platform.demo.adapter;

import java.io.PrintStream;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Progress lines with the time of day, safe to call from the heartbeat thread too. */
public final class Console {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
    /** Longest part of an error body printed. */
    private static final int MAX_BODY = 4000;

    private final PrintStream out;

    public Console(PrintStream out) {
        this.out = out;
    }

    public synchronized void line(String format, Object... args) {
        out.println(LocalTime.now().format(TIME) + "  " + String.format(Locale.ROOT, format, args));
        out.flush();
    }

    /** An error answer's body (the provider's problem details), indented under its line. */
    public synchronized void body(String body) {
        if (body == null || body.isBlank()) {
            return;
        }
        String b = body.length() > MAX_BODY ? body.substring(0, MAX_BODY) + " ... (" + body.length() + " characters)" : body;
        out.println("          " + b.replace("\n", "\n          "));
        out.flush();
    }
}
