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

    /** The quick check never passes what URI refuses: random URIs over characters near the edges. */
    @Test
    void theQuickCheckPassesNothingUriRefuses() throws Exception {
        String alphabet = "aZ09-_.!~*'();:@&=+$,/?%fG []{}|\\^`\"<>#\u00e6\u0001";
        java.util.Random random = new java.util.Random(42);
        int plain = 0;
        for (int n = 0; n < 200_000; n++) {
            String path = "/" + randomText(random, alphabet);
            String query = randomText(random, alphabet);
            String authority = random.nextInt(10) == 0 ? randomText(random, alphabet) : "localhost:8082";
            boolean quick = RequestUriCheck.plain(authority, path, query);
            boolean uriTakesIt;
            try {
                new java.net.URI("http://" + authority + path + (query.isEmpty() ? "" : "?" + query));
                uriTakesIt = true;
            } catch (java.net.URISyntaxException e) {
                uriTakesIt = false;
            }
            org.junit.jupiter.api.Assertions.assertTrue(!quick || uriTakesIt, authority + " " + path + " ? " + query);
            assertEquals(uriTakesIt, RequestUriCheck.malformed(authority, path, query) == null, authority + " " + path + " ? " + query);
            plain += quick ? 1 : 0;
        }
        org.junit.jupiter.api.Assertions.assertTrue(plain > 1000, "the quick path was taken " + plain + " times");
    }

    private static String randomText(java.util.Random random, String alphabet) {
        StringBuilder b = new StringBuilder();
        for (int i = random.nextInt(8); i > 0; i--) {
            b.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return b.toString();
    }
}
