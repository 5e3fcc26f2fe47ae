package no.fint.platform.render;

import no.fint.platform.model.Component;
import no.fint.platform.model.InformationModel;
import no.fint.platform.model.ResourceType;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Exact v1 bytes from canonical JSON; the expected strings are the reference's examples (§2.3). */
class ResourceRendererTest {

    static final InformationModel MODEL = InformationModel.load();
    static final String BETA = "https://beta.felleskomponent.no";
    static final ResourceType ELEV = MODEL.resource(Component.parse("utdanning/elev"), "elev").orElseThrow();
    static final ResourceType PERSON = MODEL.resource(Component.parse("utdanning/elev"), "person").orElseThrow();
    static final ResourceType ELEVFORHOLD = MODEL.resource(Component.parse("utdanning/elev"), "elevforhold").orElseThrow();
    static final ResourceType SKOLE = MODEL.resource(Component.parse("utdanning/utdanningsprogram"), "skole").orElseThrow();
    static final ResourceType KJONN = MODEL.resource(Component.parse("felles/kodeverk/iso"), "kjonn").orElseThrow();

    static String render(ResourceType type, String canonical, InverseLinks inverse) {
        ResourceLayout layout = ResourceLayout.parse(canonical.getBytes(StandardCharsets.UTF_8), type.modelClass());
        ByteSink out = new ByteSink();
        new ResourceRenderer(type, BETA).render(layout, inverse, out);
        return out.toString();
    }

    @Test
    void elevAsInTheReference() {
        String canonical = "{\"brukernavn\":{\"identifikatorverdi\":\"olanor\"},\"elevnummer\":{\"identifikatorverdi\":\"500001\"},"
                + "\"feidenavn\":{\"identifikatorverdi\":\"olanor@vgs.example.no\"},\"kontaktinformasjon\":{\"epostadresse\":\"olanor@vgs.example.no\"},"
                + "\"systemId\":{\"gyldighetsperiode\":{\"start\":\"2019-08-01T00:00:00Z\"},\"identifikatorverdi\":\"a0611475\"},"
                + "\"_links\":{\"person\":[{\"href\":\"/utdanning/elev/person/fodselsnummer/14020412345\"}],"
                + "\"elevforhold\":[{\"href\":\"/utdanning/elev/elevforhold/systemid/E_500001_1\"}]}}";
        String v1 = "{\"brukernavn\":{\"identifikatorverdi\":\"olanor\"},\"elevnummer\":{\"identifikatorverdi\":\"500001\"},"
                + "\"feidenavn\":{\"identifikatorverdi\":\"olanor@vgs.example.no\"},\"kontaktinformasjon\":{\"epostadresse\":\"olanor@vgs.example.no\"},"
                + "\"systemId\":{\"gyldighetsperiode\":{\"start\":\"2019-08-01T00:00:00Z\"},\"identifikatorverdi\":\"a0611475\"},"
                + "\"_links\":{\"person\":[{\"href\":\"https://beta.felleskomponent.no/utdanning/elev/person/fodselsnummer/14020412345\"}],"
                + "\"elevforhold\":[{\"href\":\"https://beta.felleskomponent.no/utdanning/elev/elevforhold/systemid/E_500001_1\"}],"
                + "\"self\":[{\"href\":\"https://beta.felleskomponent.no/utdanning/elev/elev/brukernavn/olanor\"},"
                + "{\"href\":\"https://beta.felleskomponent.no/utdanning/elev/elev/elevnummer/500001\"},"
                + "{\"href\":\"https://beta.felleskomponent.no/utdanning/elev/elev/feidenavn/olanor@vgs.example.no\"},"
                + "{\"href\":\"https://beta.felleskomponent.no/utdanning/elev/elev/systemid/a0611475\"}]}}";
        assertEquals(v1, render(ELEV, canonical, InverseLinks.NONE));
    }

    @Test
    void personWithNestedLinksAndAnInverseLink() {
        String canonical = "{\"kontaktinformasjon\":{\"mobiltelefonnummer\":\"99999999\"},"
                + "\"bostedsadresse\":{\"adresselinje\":[\"Storgata 1\"],\"postnummer\":\"0150\",\"poststed\":\"OSLO\",\"_links\":{\"land\":[{\"href\":\"/felles/kodeverk/iso/landkode/systemid/NO\"}]}},"
                + "\"fodselsdato\":\"2004-02-14T00:00:00Z\",\"fodselsnummer\":{\"identifikatorverdi\":\"14020412345\"},"
                + "\"navn\":{\"etternavn\":\"Nordmann\",\"fornavn\":\"Ola\"},"
                + "\"_links\":{\"kjonn\":[{\"href\":\"/felles/kodeverk/iso/kjonn/systemid/1\"}]}}";
        String v1 = "{\"kontaktinformasjon\":{\"mobiltelefonnummer\":\"99999999\"},"
                + "\"bostedsadresse\":{\"adresselinje\":[\"Storgata 1\"],\"postnummer\":\"0150\",\"poststed\":\"OSLO\",\"_links\":{\"land\":[{\"href\":\"https://beta.felleskomponent.no/felles/kodeverk/iso/landkode/systemid/NO\"}]}},"
                + "\"fodselsdato\":\"2004-02-14T00:00:00Z\",\"fodselsnummer\":{\"identifikatorverdi\":\"14020412345\"},"
                + "\"navn\":{\"etternavn\":\"Nordmann\",\"fornavn\":\"Ola\"},"
                + "\"_links\":{\"kjonn\":[{\"href\":\"https://beta.felleskomponent.no/felles/kodeverk/iso/kjonn/systemid/1\"}],"
                + "\"elev\":[{\"href\":\"https://beta.felleskomponent.no/utdanning/elev/elev/systemid/a0611475\"}],"
                + "\"self\":[{\"href\":\"https://beta.felleskomponent.no/utdanning/elev/person/fodselsnummer/14020412345\"}]}}";
        InverseLinks inverse = InverseLinks.builder().add("elev", "/utdanning/elev/elev/systemid/a0611475").build();
        assertEquals(v1, render(PERSON, canonical, inverse));
    }

    @Test
    void elevforholdInheritedAttributesFirst() {
        String canonical = "{\"beskrivelse\":\"Ordinær\",\"systemId\":{\"identifikatorverdi\":\"E_500001_1\"},"
                + "\"gyldighetsperiode\":{\"slutt\":\"2020-06-20T00:00:00Z\",\"start\":\"2019-08-19T00:00:00Z\"},\"hovedskole\":true,"
                + "\"_links\":{\"elev\":[{\"href\":\"/utdanning/elev/elev/systemid/a0611475\"}],\"skole\":[{\"href\":\"/utdanning/utdanningsprogram/skole/skolenummer/12345\"}],"
                + "\"skolear\":[{\"href\":\"/utdanning/kodeverk/skolear/systemid/20192020\"}]}}";
        String v1 = "{\"beskrivelse\":\"Ordinær\",\"systemId\":{\"identifikatorverdi\":\"E_500001_1\"},"
                + "\"gyldighetsperiode\":{\"slutt\":\"2020-06-20T00:00:00Z\",\"start\":\"2019-08-19T00:00:00Z\"},\"hovedskole\":true,"
                + "\"_links\":{\"elev\":[{\"href\":\"https://beta.felleskomponent.no/utdanning/elev/elev/systemid/a0611475\"}],"
                + "\"skole\":[{\"href\":\"https://beta.felleskomponent.no/utdanning/utdanningsprogram/skole/skolenummer/12345\"}],"
                + "\"skolear\":[{\"href\":\"https://beta.felleskomponent.no/utdanning/kodeverk/skolear/systemid/20192020\"}],"
                + "\"self\":[{\"href\":\"https://beta.felleskomponent.no/utdanning/elev/elevforhold/systemid/E_500001_1\"}]}}";
        assertEquals(v1, render(ELEVFORHOLD, canonical, InverseLinks.NONE));
    }

    @Test
    void skoleSelfLinksOwnIdentifiersFirstThenInherited() {
        String canonical = "{\"organisasjonsnummer\":{\"identifikatorverdi\":\"974\"},\"navn\":\"VGS\",\"skolenummer\":{\"identifikatorverdi\":\"12345\"},"
                + "\"systemId\":{\"identifikatorverdi\":\"S1\"}}";
        String v1 = "{\"organisasjonsnummer\":{\"identifikatorverdi\":\"974\"},\"navn\":\"VGS\",\"skolenummer\":{\"identifikatorverdi\":\"12345\"},"
                + "\"systemId\":{\"identifikatorverdi\":\"S1\"},\"_links\":{\"self\":["
                + "{\"href\":\"https://beta.felleskomponent.no/utdanning/utdanningsprogram/skole/skolenummer/12345\"},"
                + "{\"href\":\"https://beta.felleskomponent.no/utdanning/utdanningsprogram/skole/systemid/S1\"},"
                + "{\"href\":\"https://beta.felleskomponent.no/utdanning/utdanningsprogram/skole/organisasjonsnummer/974\"}]}}";
        assertEquals(v1, render(SKOLE, canonical, InverseLinks.NONE));
    }

    @Test
    void inverseLinksMergeAfterAdapterLinksInModelOrderSortedWithoutDuplicates() {
        String canonical = "{\"systemId\":{\"identifikatorverdi\":\"S1\"},\"_links\":{\"utdanningsprogram\":[{\"href\":\"/x/1\"}],"
                + "\"elevforhold\":[{\"href\":\"/utdanning/elev/elevforhold/systemid/B\"}]}}";
        InverseLinks inverse = InverseLinks.builder()
                .add("elevforhold", "/utdanning/elev/elevforhold/systemid/C")
                .add("elevforhold", "/utdanning/elev/elevforhold/systemid/A")
                .add("elevforhold", "/utdanning/elev/elevforhold/systemid/B")
                .add("undervisningsforhold", "/utdanning/elev/undervisningsforhold/systemid/U")
                .add("klasse", "/utdanning/elev/klasse/systemid/K")
                .build();
        String b = "https://beta.felleskomponent.no";
        String v1 = "{\"systemId\":{\"identifikatorverdi\":\"S1\"},\"_links\":{\"utdanningsprogram\":[{\"href\":\"" + b + "/x/1\"}],"
                + "\"elevforhold\":[{\"href\":\"" + b + "/utdanning/elev/elevforhold/systemid/B\"},{\"href\":\"" + b + "/utdanning/elev/elevforhold/systemid/A\"},"
                + "{\"href\":\"" + b + "/utdanning/elev/elevforhold/systemid/C\"}],"
                + "\"klasse\":[{\"href\":\"" + b + "/utdanning/elev/klasse/systemid/K\"}],"
                + "\"undervisningsforhold\":[{\"href\":\"" + b + "/utdanning/elev/undervisningsforhold/systemid/U\"}],"
                + "\"self\":[{\"href\":\"" + b + "/utdanning/utdanningsprogram/skole/systemid/S1\"}]}}";
        assertEquals(v1, render(SKOLE, canonical, inverse));
    }

    @Test
    void absoluteHrefsAreKeptAndAnAbsoluteDuplicateOfAnInverseLinkIsNotRepeated() {
        String canonical = "{\"systemId\":{\"identifikatorverdi\":\"a1\"},\"_links\":{\"elevforhold\":[{\"href\":\"https://beta.felleskomponent.no/utdanning/elev/elevforhold/systemid/E1\"},"
                + "{\"href\":\"https://other.example.no/x\"}]}}";
        InverseLinks inverse = InverseLinks.builder().add("elevforhold", "/utdanning/elev/elevforhold/systemid/E1").build();
        String v1 = "{\"systemId\":{\"identifikatorverdi\":\"a1\"},\"_links\":{\"elevforhold\":[{\"href\":\"https://beta.felleskomponent.no/utdanning/elev/elevforhold/systemid/E1\"},"
                + "{\"href\":\"https://other.example.no/x\"}],\"self\":[{\"href\":\"https://beta.felleskomponent.no/utdanning/elev/elev/systemid/a1\"}]}}";
        assertEquals(v1, render(ELEV, canonical, inverse));
    }

    @Test
    void selfValuesAreRawNotUrlEncodedButJsonEscaped() {
        String canonical = "{\"feidenavn\":{\"identifikatorverdi\":\"a/b c@x.no\"},\"systemId\":{\"identifikatorverdi\":\"q\\\"uote\\u0001æ\"}}";
        String v1 = "{\"feidenavn\":{\"identifikatorverdi\":\"a/b c@x.no\"},\"systemId\":{\"identifikatorverdi\":\"q\\\"uote\\u0001æ\"},"
                + "\"_links\":{\"self\":[{\"href\":\"https://beta.felleskomponent.no/utdanning/elev/elev/feidenavn/a/b c@x.no\"},"
                + "{\"href\":\"https://beta.felleskomponent.no/utdanning/elev/elev/systemid/q\\\"uote\\u0001æ\"}]}}";
        assertEquals(v1, render(ELEV, canonical, InverseLinks.NONE));
    }

    @Test
    void emptyIdentifierValuesGetNoSelfLinkAndNoLinksMeansNoLinksKey() {
        assertEquals("{\"systemId\":{\"identifikatorverdi\":\"\"}}", render(ELEV, "{\"systemId\":{\"identifikatorverdi\":\"\"}}", InverseLinks.NONE));
        assertEquals("{}", render(ELEV, "{}", InverseLinks.NONE));
        assertEquals("{\"_links\":{\"person\":[{\"href\":\"https://beta.felleskomponent.no/p/1\"}]}}",
                render(ELEV, "{\"_links\":{\"person\":[{\"href\":\"/p/1\"}]}}", InverseLinks.NONE));
    }

    @Test
    void anAdapterSelfKeyKeepsItsPositionAndIsRebuilt() {
        String canonical = "{\"systemId\":{\"identifikatorverdi\":\"a1\"},\"_links\":{\"self\":[{\"href\":\"/wrong\"}],\"person\":[{\"href\":\"/p/1\"}]}}";
        String v1 = "{\"systemId\":{\"identifikatorverdi\":\"a1\"},\"_links\":{\"self\":[{\"href\":\"https://beta.felleskomponent.no/utdanning/elev/elev/systemid/a1\"}],"
                + "\"person\":[{\"href\":\"https://beta.felleskomponent.no/p/1\"}]}}";
        assertEquals(v1, render(ELEV, canonical, InverseLinks.NONE));
    }

    @Test
    void nestedPackageSelfLink() {
        assertEquals("{\"kode\":\"1\",\"systemId\":{\"identifikatorverdi\":\"1\"},\"_links\":{\"self\":[{\"href\":\"https://beta.felleskomponent.no/felles/kodeverk/iso/kjonn/systemid/1\"}]}}",
                render(KJONN, "{\"kode\":\"1\",\"systemId\":{\"identifikatorverdi\":\"1\"}}", InverseLinks.NONE));
    }

    @Test
    void linksNotLastAreMovedLast() {
        String canonical = "{\"_links\":{\"person\":[{\"href\":\"/p/1\"}]},\"systemId\":{\"identifikatorverdi\":\"a1\"}}";
        assertEquals("{\"systemId\":{\"identifikatorverdi\":\"a1\"},\"_links\":{\"person\":[{\"href\":\"https://beta.felleskomponent.no/p/1\"}],"
                + "\"self\":[{\"href\":\"https://beta.felleskomponent.no/utdanning/elev/elev/systemid/a1\"}]}}", render(ELEV, canonical, InverseLinks.NONE));
    }

    @Test
    void malformedJsonIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> render(ELEV, "{\"a\":", InverseLinks.NONE));
        assertThrows(IllegalArgumentException.class, () -> render(ELEV, "[1]", InverseLinks.NONE));
        assertThrows(IllegalArgumentException.class, () -> render(ELEV, "{} x", InverseLinks.NONE));
    }
}
