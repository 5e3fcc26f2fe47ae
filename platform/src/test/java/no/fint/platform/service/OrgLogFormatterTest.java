package no.fint.platform.service;

import org.junit.jupiter.api.Test;

import java.util.logging.Level;
import java.util.logging.LogRecord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OrgLogFormatterTest {

    @Test
    void plainLinesCarryTheProcessOrganisation() {
        System.setProperty(OrgLogFormatter.PROCESS_ORG, "rogfk.no");
        try {
            LogRecord r = new LogRecord(Level.INFO, "cache ready with {0} resources");
            r.setParameters(new Object[]{42});
            r.setLoggerName("x.Y");
            String line = new OrgLogFormatter().format(r);
            assertTrue(line.endsWith(" INFO [org=rogfk.no] x.Y: cache ready with 42 resources\n"), line);
        } finally {
            System.clearProperty(OrgLogFormatter.PROCESS_ORG);
        }
    }

    @Test
    void quotesControlCharacters() {
        assertEquals("\"a\\\"b\\n\\u0001\"", OrgLogFormatter.quote("a\"b\n\u0001"));
    }
}
