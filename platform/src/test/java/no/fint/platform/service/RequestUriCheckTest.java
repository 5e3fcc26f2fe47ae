package no.fint.platform.service;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class RequestUriCheckTest {

    @Test
    void wellFormedUrisPass() {
        assertNull(RequestUriCheck.malformed("localhost:8082", "/utdanning/elev/elev", ""));
        assertNull(RequestUriCheck.malformed("localhost:8082", "/utdanning/elev/elev", "size=1&x=%41+b&$filter=a%20eq%20'b'"));
        assertNull(RequestUriCheck.malformed("localhost:8082", "/utdanning/elev/elev/elevnummer/a%2Fb", "x="));
    }

    @Test
    void malformedQueryStringsAreNamedWithoutTheUri() {
        assertEquals("The request's query string is malformed: Malformed escape pair",
                RequestUriCheck.malformed("localhost:8082", "/health/ready", "x=%zz"));
        assertEquals("The request's query string is malformed: Malformed escape pair",
                RequestUriCheck.malformed("localhost:8082", "/utdanning/elev/elev", "size=%4"));
        assertEquals("The request's query string is malformed: Illegal character in query",
                RequestUriCheck.malformed("localhost:8082", "/relations/rules", "x={y}"));
    }

    @Test
    void pathAndHostAreNamedToo() {
        assertEquals("The request's path is malformed: Malformed escape pair",
                RequestUriCheck.malformed("localhost:8082", "/a%zz", "x=1"));
        assertEquals("The request's Host header is malformed: Illegal character in authority",
                RequestUriCheck.malformed("local host", "/a", ""));
    }
}
