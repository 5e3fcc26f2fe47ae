package no.fint.platform.service;

import io.helidon.logging.common.HelidonMdc;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.logging.Formatter;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;

/**
 * One line per record with the organisation it concerns: the MDC key {@value #ORG} when a request or
 * record sets it, else the process's own organisation (system property {@value #PROCESS_ORG}, set by
 * a consumer, which serves one). Plain by default; JSON lines with
 * {@code no.fint.platform.service.OrgLogFormatter.json=true} in logging.properties.
 */
public class OrgLogFormatter extends Formatter {

    public static final String ORG = "org";
    public static final String PROCESS_ORG = "fint.log.org";

    private final boolean json;

    public OrgLogFormatter() {
        json = Boolean.parseBoolean(LogManager.getLogManager().getProperty(OrgLogFormatter.class.getName() + ".json"));
    }

    @Override
    public String format(LogRecord r) {
        String org = HelidonMdc.get(ORG).orElseGet(() -> System.getProperty(PROCESS_ORG, "-"));
        String message = formatMessage(r);
        String thrown = "";
        if (r.getThrown() != null) {
            StringWriter sw = new StringWriter();
            r.getThrown().printStackTrace(new PrintWriter(sw));
            thrown = sw.toString();
        }
        Instant t = r.getInstant();
        if (json) {
            return "{\"time\":\"" + t + "\",\"level\":\"" + r.getLevel().getName() + "\",\"org\":" + quote(org)
                    + ",\"logger\":" + quote(r.getLoggerName()) + ",\"message\":" + quote(message)
                    + (thrown.isEmpty() ? "" : ",\"exception\":" + quote(thrown)) + "}\n";
        }
        return t + " " + r.getLevel().getName() + " [org=" + org + "] " + r.getLoggerName() + ": " + message + "\n" + thrown;
    }

    static String quote(String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
