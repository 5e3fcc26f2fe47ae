package no.fint.platform.canonical;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import no.fint.platform.model.Component;
import no.fint.platform.model.InformationModel;
import no.fint.platform.model.ResourceType;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The canonical resource JSON of docs/architecture.md, byte for byte. */
class CanonicalizerTest {

    private static final InformationModel MODEL = InformationModel.load("4.0.30");
    private static final Canonicalizer C = new Canonicalizer(MODEL);
    private static final ObjectMapper M = new ObjectMapper();

    static ResourceType type(String path) {
        return MODEL.resourceByPath(path).orElseThrow();
    }

    static String canonical(String path, String json) throws Exception {
        Violations v = new Violations();
        byte[] out = C.canonicalize(type(path), M.readTree(json), v);
        assertTrue(v.isEmpty(), () -> v.list().toString());
        String tree = new String(out, StandardCharsets.UTF_8);
        // Whenever the streaming fast path takes a resource, it must give the very same bytes.
        Canonicalizer.Streamed fast = stream(path, json);
        if (fast != null) {
            assertEquals(tree, new String(fast.json(), StandardCharsets.UTF_8), "fast path");
        }
        return tree;
    }

    static Canonicalizer.Streamed stream(String path, String json) {
        byte[] b = ("[ " + json + " ]").getBytes(StandardCharsets.UTF_8);
        Canonicalizer.Streamed fast = C.stream(type(path), new RawJson(b, 2, b.length - 4), new com.fasterxml.jackson.core.util.ByteArrayBuilder());
        // The page reader's variant, on the envelope's own parser, must agree on every resource.
        Canonicalizer.Streamed inPlace = inPlace(path, json);
        assertEquals(fast == null, inPlace == null, "in place as from the bytes: " + json);
        if (fast != null) {
            assertEquals(new String(fast.json(), StandardCharsets.UTF_8), new String(inPlace.json(), StandardCharsets.UTF_8));
            for (String id : type(path).modelClass().identifiers()) {
                assertEquals(fast.identifiers().of(id), inPlace.identifiers().of(id), id);
            }
        }
        return fast;
    }

    /**
     * {@link Canonicalizer#streamInPlace} on a parser that reads the resource inside an envelope, as
     * the provider's page reader does; checks it leaves the parser where skipping the resource would.
     */
    static Canonicalizer.Streamed inPlace(String path, String json) {
        String page = "{\"resources\":[{\"identifier\":\"x\",\"resource\":" + json + ",\"after\":[1,{\"a\":2}]},{\"identifier\":\"next\"}],\"z\":true}";
        com.fasterxml.jackson.core.JsonFactory f = new com.fasterxml.jackson.core.JsonFactory();
        try (com.fasterxml.jackson.core.JsonParser p = f.createParser(page);
             com.fasterxml.jackson.core.JsonParser skip = f.createParser(page)) {
            for (com.fasterxml.jackson.core.JsonParser q : List.of(p, skip)) {
                while (!(q.nextToken() == com.fasterxml.jackson.core.JsonToken.FIELD_NAME && "resource".equals(q.currentName()))) {
                    // to the resource
                }
                q.nextToken();
            }
            Canonicalizer.Streamed out = C.streamInPlace(type(path), p, new com.fasterxml.jackson.core.util.ByteArrayBuilder());
            skip.skipChildren();
            assertEquals(skip.currentLocation().getCharOffset(), p.currentLocation().getCharOffset(), "left where skipping leaves it");
            // and the rest of the page reads on exactly alike
            for (com.fasterxml.jackson.core.JsonToken t = skip.nextToken(); t != null; t = skip.nextToken()) {
                assertEquals(t, p.nextToken());
                assertEquals(skip.getText(), p.getText());
            }
            assertNull(p.nextToken());
            return out;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static List<Violation> violations(String path, String json) throws Exception {
        Violations v = new Violations();
        assertNull(C.canonicalize(type(path), M.readTree(json), v));
        return v.list();
    }

    @Test
    void elevInModelOrderWithNullsAndSelfKeptInPlaceAndPlaceholdersResolved() throws Exception {
        // As a FINT v2 adapter sends it: its own key order, explicit nulls, its own self links.
        String in = """
                {"systemId":{"identifikatorverdi":"a0611475","gyldighetsperiode":{"start":"2019-08-01T00:00:00.000+02:00","slutt":null,"beskrivelse":null}},
                 "kontaktinformasjon":{"epostadresse":"olanor@vgs.example.no","telefonnummer":null},
                 "feidenavn":{"identifikatorverdi":"olanor@vgs.example.no","gyldighetsperiode":null},
                 "elevnummer":{"identifikatorverdi":"500001"},
                 "brukernavn":{"identifikatorverdi":"olanor"},
                 "gjest":null,"hybeladresse":null,
                 "_links":{"self":[{"href":"${utdanning.elev.elev}/systemid/a0611475"}],
                   "person":[{"href":"${felles.person}/fodselsnummer/14020412345"}],
                   "elevforhold":[{"href":"${utdanning.elev.elevforhold}/systemid/E_500001_1"},
                                  {"href":"${utdanning.elev.elevforhold}/systemid/E_500001_1"}]}}""";
        assertEquals("{\"brukernavn\":{\"identifikatorverdi\":\"olanor\"},\"elevnummer\":{\"identifikatorverdi\":\"500001\"},"
                + "\"feidenavn\":{\"identifikatorverdi\":\"olanor@vgs.example.no\"},\"kontaktinformasjon\":{\"epostadresse\":\"olanor@vgs.example.no\"},"
                + "\"systemId\":{\"gyldighetsperiode\":{\"start\":\"2019-07-31T22:00:00Z\"},\"identifikatorverdi\":\"a0611475\"},"
                + "\"_links\":{\"self\":[],\"person\":[{\"href\":\"/utdanning/elev/person/fodselsnummer/14020412345\"}],"
                + "\"elevforhold\":[{\"href\":\"/utdanning/elev/elevforhold/systemid/E_500001_1\"}]}}",
                canonical("/utdanning/elev/elev", in));
    }

    /** Hrefs whose values need escaping or are not ASCII come out of the fast path as the tree walk writes them. */
    @Test
    void hrefsWithQuotesBackslashesAndNonAsciiAreWrittenAsTheTreeWalkWritesThem() throws Exception {
        String id = "\"systemId\":{\"identifikatorverdi\":\"1\"}";
        String links = "\"_links\":{\"person\":[{\"href\":\"${felles.person}/fodselsnummer/a\\\"b\"},"
                + "{\"href\":\"/utdanning/elev/person/fodselsnummer/c\\\\d\"},{\"href\":\"fodselsnummer/Ærø\"},"
                + "{\"href\":\"fodselsnummer/plain~1\"}]}";
        String in = "{" + id + "," + links + "}";
        assertEquals("{" + id + ",\"_links\":{\"person\":[{\"href\":\"/utdanning/elev/person/fodselsnummer/a\\\"b\"},"
                        + "{\"href\":\"/utdanning/elev/person/fodselsnummer/c\\\\d\"},{\"href\":\"/utdanning/elev/person/fodselsnummer/Ærø\"},"
                        + "{\"href\":\"/utdanning/elev/person/fodselsnummer/plain~1\"}]}}",
                canonical("/utdanning/elev/elev", in));
        assertTrue(stream("/utdanning/elev/elev", in) != null, "the fast path takes it");
    }

    /** v1 rebuilt an adapter's self list where the key stood: its place is kept (hrefs dropped) when relations follow. */
    @Test
    void theAdaptersSelfKeyKeepsItsPlaceOnlyWhereRelationsFollowIt() throws Exception {
        String id = "\"systemId\":{\"identifikatorverdi\":\"1\"}";
        String person = "\"person\":[{\"href\":\"/utdanning/elev/person/fodselsnummer/1\"}]";
        String self = "\"self\":[{\"href\":\"${utdanning.elev.elev}/systemid/1\"}]";
        String elevforhold = "\"elevforhold\":[{\"href\":\"/utdanning/elev/elevforhold/systemid/2\"}]";
        assertEquals("{" + id + ",\"_links\":{" + person + ",\"self\":[]," + elevforhold + "}}",
                canonical("/utdanning/elev/elev", "{" + id + ",\"_links\":{" + person + "," + self + "," + elevforhold + "}}"));
        assertEquals("{" + id + ",\"_links\":{" + person + "}}",
                canonical("/utdanning/elev/elev", "{" + id + ",\"_links\":{" + person + "," + self + "}}"), "self last: its default place");
        assertEquals("{" + id + ",\"_links\":{\"self\":[]," + person + "}}",
                canonical("/utdanning/elev/elev", "{" + id + ",\"_links\":{" + self + ",\"elevforhold\":[]," + person + "}}"));
        assertEquals("{" + id + ",\"_links\":{\"self\":[]," + person + "}}",
                canonical("/utdanning/elev/elev", "{" + id + ",\"_links\":{\"self\":null," + person + "}}"));
        String streamed = "{" + id + ",\"_links\":{" + self + "," + person + "}}";
        Canonicalizer.Streamed fast = stream("/utdanning/elev/elev", streamed);
        assertTrue(fast != null);
        assertEquals(canonical("/utdanning/elev/elev", streamed), new String(fast.json(), StandardCharsets.UTF_8));
    }

    @Test
    void elevforholdSuperclassFirstPeriodeSluttBeforeStartDatesFromEpochMs() throws Exception {
        String in = """
                {"hovedskole":true,"gyldighetsperiode":{"start":1566172800000,"slutt":"2020-06-20"},
                 "systemId":{"identifikatorverdi":"E_500001_1"},"beskrivelse":"Ordinær","avbruddsdato":null,
                 "_links":{"elev":[{"href":"${utdanning.elev.elev}/systemid/a0611475"}],
                   "skole":[{"href":"/utdanning/utdanningsprogram/skole/skolenummer/12345"}],
                   "skolear":[{"href":"http://api.felleskomponent.no/utdanning/kodeverk/skolear/systemid/20192020"}],
                   "kategori":[]}}""";
        assertEquals("{\"beskrivelse\":\"Ordinær\",\"systemId\":{\"identifikatorverdi\":\"E_500001_1\"},"
                + "\"gyldighetsperiode\":{\"slutt\":\"2020-06-20T00:00:00Z\",\"start\":\"2019-08-19T00:00:00Z\"},\"hovedskole\":true,"
                + "\"_links\":{\"elev\":[{\"href\":\"/utdanning/elev/elev/systemid/a0611475\"}],"
                + "\"skole\":[{\"href\":\"/utdanning/utdanningsprogram/skole/skolenummer/12345\"}],"
                + "\"skolear\":[{\"href\":\"https://api.felleskomponent.no/utdanning/kodeverk/skolear/systemid/20192020\"}]}}",
                canonical("/utdanning/elev/elevforhold", in));
    }

    @Test
    void personWithAdresseAndItsOwnLandLinkUnderTheComponentServingIt() throws Exception {
        String in = """
                {"navn":{"fornavn":"Ola","etternavn":"Nordmann","mellomnavn":null},
                 "fodselsnummer":{"identifikatorverdi":"14020412345"},"fodselsdato":"2004-02-13T23:00:00Z",
                 "bostedsadresse":{"poststed":"OSLO","postnummer":"0150","adresselinje":["Storgata 1"],
                   "_links":{"land":[{"href":"${felles.kodeverk.iso.landkode}/systemid/NO"}]}},
                 "kontaktinformasjon":{"mobiltelefonnummer":"99999999"},
                 "_links":{"kjonn":[{"href":"${felles.kodeverk.iso.kjonn}/systemid/1"}],
                   "foreldre":[{"href":"${felles.person}/fodselsnummer/01017012345"}]}}""";
        assertEquals("{\"kontaktinformasjon\":{\"mobiltelefonnummer\":\"99999999\"},"
                + "\"bostedsadresse\":{\"adresselinje\":[\"Storgata 1\"],\"postnummer\":\"0150\",\"poststed\":\"OSLO\","
                + "\"_links\":{\"land\":[{\"href\":\"/felles/kodeverk/iso/landkode/systemid/NO\"}]}},"
                + "\"fodselsdato\":\"2004-02-13T23:00:00Z\",\"fodselsnummer\":{\"identifikatorverdi\":\"14020412345\"},"
                + "\"navn\":{\"etternavn\":\"Nordmann\",\"fornavn\":\"Ola\"},"
                + "\"_links\":{\"kjonn\":[{\"href\":\"/felles/kodeverk/iso/kjonn/systemid/1\"}],"
                + "\"foreldre\":[{\"href\":\"/utdanning/elev/person/fodselsnummer/01017012345\"}]}}",
                canonical("/utdanning/elev/person", in));
        // The same person served under administrasjon/personal links its felles relatives there.
        assertTrue(canonical("/administrasjon/personal/person", in)
                .contains("\"foreldre\":[{\"href\":\"/administrasjon/personal/person/fodselsnummer/01017012345\"}]"));
    }

    @Test
    void skoleAktorThenEnhetThenOwnAttributesAndEmptyValuesKept() throws Exception {
        String in = """
                {"systemId":{"identifikatorverdi":"S1"},"skolenummer":{"identifikatorverdi":"12345"},"navn":"Nydalen vgs",
                 "organisasjonsnummer":{"identifikatorverdi":"974567890"},"juridiskNavn":"",
                 "postadresse":{"adresselinje":[],"poststed":"OSLO"},"organisasjonsnavn":"Nydalen videregående skole",
                 "kontaktinformasjon":{"epostadresse":"post@nydalen.vgs.no"},
                 "_links":{"organisasjon":[{"href":"organisasjonsid/ORG1"}]}}""";
        assertEquals("{\"kontaktinformasjon\":{\"epostadresse\":\"post@nydalen.vgs.no\"},\"postadresse\":{\"adresselinje\":[],\"poststed\":\"OSLO\"},"
                + "\"organisasjonsnavn\":\"Nydalen videregående skole\",\"organisasjonsnummer\":{\"identifikatorverdi\":\"974567890\"},"
                + "\"juridiskNavn\":\"\",\"navn\":\"Nydalen vgs\",\"skolenummer\":{\"identifikatorverdi\":\"12345\"},\"systemId\":{\"identifikatorverdi\":\"S1\"},"
                + "\"_links\":{\"organisasjon\":[{\"href\":\"/administrasjon/organisasjon/organisasjonselement/organisasjonsid/ORG1\"}]}}",
                canonical("/utdanning/utdanningsprogram/skole", in));
    }

    @Test
    void floatAsJavaWritesItAndLongsAsIntegers() throws Exception {
        String in = """
                {"ordrenummer":{"identifikatorverdi":"O1"},"totalbelop":12500,
                 "mottaker":{"_links":{"person":[{"href":"${felles.person}/fodselsnummer/1"}]}},
                 "fakturalinjer":[{"antall":10000000,"pris":100,"fritekst":["a"]},{"antall":2.5,"pris":7}]}""";
        assertEquals("{\"fakturalinjer\":[{\"antall\":1.0E7,\"fritekst\":[\"a\"],\"pris\":100},{\"antall\":2.5,\"pris\":7}],"
                + "\"mottaker\":{\"_links\":{\"person\":[{\"href\":\"/okonomi/faktura/person/fodselsnummer/1\"}]}},"
                + "\"ordrenummer\":{\"identifikatorverdi\":\"O1\"},\"totalbelop\":12500}",
                canonical("/okonomi/faktura/fakturagrunnlag", in));
    }

    @Test
    void onlySelfLinksMeansNoLinksAtAll() throws Exception {
        assertEquals("{\"systemId\":{\"identifikatorverdi\":\"1\"}}", canonical("/utdanning/elev/elev",
                "{\"systemId\":{\"identifikatorverdi\":\"1\"},\"_links\":{\"self\":[{\"href\":\"${utdanning.elev.elev}/systemid/1\"}],\"elevforhold\":null}}"));
    }

    @Test
    void theFastPathTakesResourcesSentInModelOrderAndLeavesTheRestToTheTreeWalk() throws Exception {
        String inOrder = """
                {"brukernavn":{"identifikatorverdi":"olanor"},"elevnummer":null,"kontaktinformasjon":{"epostadresse":"a@b.no"},
                 "systemId":{"gyldighetsperiode":{"start":"2019-08-01T00:00:00.000+02:00"},"identifikatorverdi":"a1"},
                 "_links":{"self":[{"href":"${utdanning.elev.elev}/systemid/a1"}],"person":[{"href":"${felles.person}/fodselsnummer/1"},
                   {"href":"${felles.person}/fodselsnummer/1"}],"elevforhold":[]}}""";
        Canonicalizer.Streamed fast = stream("/utdanning/elev/elev", inOrder);
        assertTrue(fast != null, "in model order: streamed");
        assertEquals(canonical("/utdanning/elev/elev", inOrder), new String(fast.json(), StandardCharsets.UTF_8));
        assertEquals("a1", fast.identifiers().of("systemId"));
        assertEquals("olanor", fast.identifiers().of("brukernavn"));
        assertNull(fast.identifiers().of("elevnummer"));

        for (String other : List.of(
                "{\"systemId\":{\"identifikatorverdi\":\"a1\"},\"brukernavn\":{\"identifikatorverdi\":\"o\"}}", // out of order
                "{\"_links\":{},\"systemId\":{\"identifikatorverdi\":\"a1\"}}",                                      // links first
                "{\"systemId\":{\"identifikatorverdi\":\"a1\"},\"ukjent\":1}",                                       // unknown
                "{\"gjest\":\"ja\",\"systemId\":{\"identifikatorverdi\":\"a1\"}}",                                      // wrong type
                "{\"elevnummer\":{\"identifikatorverdi\":\"5\"}}",                                                      // required missing
                "{\"systemId\":{\"identifikatorverdi\":\"a1\"},\"_links\":{\"person\":[{\"href\":\"x y\"}]}}")) {       // bad href
            assertNull(stream("/utdanning/elev/elev", other), other);
        }
    }

    @Test
    void everyViolationIsReportedWithItsField() throws Exception {
        List<Violation> v = violations("/utdanning/elev/elevforhold", """
                {"systemId":{"identifikatorverdi":7},"hovedskole":"yes","gyldighetsperiode":{"slutt":"2020-13-01"},
                 "ukjent":1,"_links":{"elev":[{"href":"${utdanning.elev.nope}/systemid/1"}],"venn":[]}}""");
        List<String> fields = v.stream().map(Violation::field).toList();
        assertEquals(List.of("ukjent", "beskrivelse", "systemId.identifikatorverdi", "gyldighetsperiode.slutt",
                "gyldighetsperiode.start", "hovedskole", "_links.elev[0].href", "_links.venn"), fields, v.toString());
    }

    @Test
    void notAnObjectIsRefused() throws Exception {
        Violations v = new Violations();
        assertNull(C.canonicalize(type("/utdanning/elev/elev"), M.readTree("[1]"), v));
        assertEquals("resource", v.list().get(0).field());
    }

    @Test
    void nestedPackageResources() throws Exception {
        assertEquals("{\"kode\":\"1\",\"navn\":\"Mann\",\"passiv\":false,\"systemId\":{\"identifikatorverdi\":\"1\"}}",
                canonical("/felles/kodeverk/iso/kjonn", "{\"systemId\":{\"identifikatorverdi\":\"1\"},\"passiv\":false,\"navn\":\"Mann\",\"kode\":\"1\"}"));
    }

    @Test
    void canonicalOutputIsAFixedPoint() throws Exception {
        String once = canonical("/utdanning/elev/person", """
                {"navn":{"fornavn":"Ola","etternavn":"Nordmann"},"fodselsnummer":{"identifikatorverdi":"1"},
                 "fodselsdato":1076716800123,"_links":{"kjonn":[{"href":"${felles.kodeverk.iso.kjonn}/systemid/1"}]}}""");
        assertEquals(once, canonical("/utdanning/elev/person", once));
        JsonNode parsed = M.readTree(once);
        assertEquals("2004-02-14T00:00:00Z", parsed.get("fodselsdato").asText());
    }

    @Test
    void inPlaceMalformedJsonInsideAResourceIsThrownAsSkippingWouldThrowIt() {
        // Out of model order first (the fast path gives up), then broken further on: the reader must
        // see the same parse error as when it only skipped the resource.
        String page = "{\"resources\":[{\"resource\":{\"systemId\":{\"identifikatorverdi\":\"a\"},\"brukernavn\":{\"identifikatorverdi\":\"b\"},\"x\":[1,}]}";
        com.fasterxml.jackson.core.JsonFactory f = new com.fasterxml.jackson.core.JsonFactory();
        assertThrowsParse(() -> {
            try (com.fasterxml.jackson.core.JsonParser p = f.createParser(page)) {
                while (!(p.nextToken() == com.fasterxml.jackson.core.JsonToken.FIELD_NAME && "resource".equals(p.currentName()))) {
                    // to the resource
                }
                p.nextToken();
                C.streamInPlace(type("/utdanning/elev/elev"), p, new com.fasterxml.jackson.core.util.ByteArrayBuilder());
            }
        });
        assertThrowsParse(() -> {
            try (com.fasterxml.jackson.core.JsonParser p = f.createParser(page)) {
                while (!(p.nextToken() == com.fasterxml.jackson.core.JsonToken.FIELD_NAME && "resource".equals(p.currentName()))) {
                    // to the resource
                }
                p.nextToken();
                p.skipChildren();
            }
        });
    }

    @Test
    void inPlaceANumberOutOfRangeIsLeftToTheTreeWalk() {
        // A JSON integer far beyond long: the fast path gives up; the parser stays usable.
        assertNull(inPlace("/utdanning/elev/elev",
                "{\"systemId\":{\"identifikatorverdi\":\"a1\",\"gyldighetsperiode\":{\"start\":123456789012345678901234567890}}}"));
    }

    private static void assertThrowsParse(org.junit.jupiter.api.function.Executable e) {
        org.junit.jupiter.api.Assertions.assertThrows(com.fasterxml.jackson.core.JsonParseException.class, e);
    }
}
