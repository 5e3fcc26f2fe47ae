package no.fint.platform.canonical.check;

import no.fint.platform.model.Component;
import no.fint.platform.model.InformationModel;
import no.fint.platform.model.Relation;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HrefCheckTest {

    private static final InformationModel MODEL = InformationModel.load("4.0.30");
    private static final HrefCheck CHECK = new HrefCheck(MODEL);
    private static final Component ELEV = Component.parse("utdanning/elev");
    private static final Relation ELEVFORHOLD_ELEV = MODEL.modelClass("utdanning.elev.Elevforhold").orElseThrow().relation("elev").orElseThrow();
    private static final Relation ELEV_PERSON = MODEL.modelClass("utdanning.elev.Elev").orElseThrow().relation("person").orElseThrow();
    private static final Relation SKOLE_VIGO = MODEL.modelClass("utdanning.utdanningsprogram.Skole").orElseThrow().relation("vigoreferanse").orElseThrow();

    @Test
    void placeholdersBecomePaths() {
        assertEquals("/utdanning/elev/elev/systemid/123", CHECK.canonical("${utdanning.elev.elev}/systemid/123", ELEVFORHOLD_ELEV, ELEV));
        assertEquals("/utdanning/elev/elev/systemId/123", CHECK.canonical("${no.novari.fint.model.utdanning.elev.ElevResource}/systemId/123", ELEVFORHOLD_ELEV, ELEV));
        assertEquals("/felles/kodeverk/iso/landkode/systemid/NO", CHECK.canonical("${felles.kodeverk.iso.landkode}/systemid/NO", ELEV_PERSON, ELEV));
        assertEquals("/utdanning/elev/person/fodselsnummer/1", CHECK.canonical("${felles.person}/fodselsnummer/1", ELEV_PERSON, ELEV));
        assertEquals("/administrasjon/personal/person/fodselsnummer/1",
                CHECK.canonical("${felles.person}/fodselsnummer/1", ELEV_PERSON, Component.parse("administrasjon/personal")));
        assertEquals("/utdanning/elev/elev/feidenavn/ola@vgs.no/x", CHECK.canonical("${utdanning.elev.elev}/feidenavn/ola@vgs.no/x", ELEVFORHOLD_ELEV, ELEV));
    }

    @Test
    void pathsOfKnownResourcesAndRelativeToTheTarget() {
        assertEquals("/utdanning/elev/elev/elevnummer/5", CHECK.canonical("/utdanning/elev/elev/elevnummer/5", ELEVFORHOLD_ELEV, ELEV));
        assertEquals("/felles/kodeverk/iso/kjonn/systemid/1", CHECK.canonical("/felles/kodeverk/iso/kjonn/systemid/1", ELEV_PERSON, ELEV));
        assertEquals("/utdanning/elev/elev/systemid/5", CHECK.canonical("systemid/5", ELEVFORHOLD_ELEV, ELEV));
        assertEquals("/utdanning/elev/person/fodselsnummer/5", CHECK.canonical("fodselsnummer/5", ELEV_PERSON, ELEV));
    }

    @Test
    void absoluteUrlsKeptAndUpgradedToHttps() {
        assertEquals("https://api.felleskomponent.no/utdanning/elev/elev/systemid/1",
                CHECK.canonical("http://api.felleskomponent.no/utdanning/elev/elev/systemid/1", ELEVFORHOLD_ELEV, ELEV));
        assertEquals("https://data.udir.no/kl06/v201906/vigo/x", CHECK.canonical("HTTPS://data.udir.no/kl06/v201906/vigo/x", SKOLE_VIGO, ELEV));
    }

    @Test
    void unparseableHrefsAreRefusedWithAReason() {
        String[][] bad = {
                {"${utdanning.elev.nope}/systemid/1", "unknown placeholder type"},
                {"${utdanning.elev.elev/systemid/1", "unclosed placeholder"},
                {"${utdanning.elev.elev}/systemid", "expected /idfield/value"},
                {"${utdanning.elev.elev}/skole/1", "is not an identifier of Elev"},
                {"/utdanning/elev/nope/systemid/1", "path names no resource"},
                {"ftp://x/y", "not an identifier"},
                {"http:///x", "URL without a host"},
                {"${utdanning.elev.elev}/systemid/a b", "whitespace"},
                {"${utdanning.elev.elev}/systemid/a\ud800", "unpaired UTF-16 surrogate"},
                {"/utdanning/elev/elev/systemid/\udc00a", "unpaired UTF-16 surrogate"},
                {"", "empty href"},
        };
        for (String[] b : bad) {
            assertNull(CHECK.canonical(b[0], ELEVFORHOLD_ELEV, ELEV), b[0]);
            String reason = CHECK.reason(b[0], ELEVFORHOLD_ELEV, ELEV);
            assertTrue(reason.contains(b[1]), b[0] + ": " + reason);
        }
        assertTrue(CHECK.reason("systemid/1", SKOLE_VIGO, ELEV).contains("has none"));
        // A surrogate pair (an emoji) is a character like any other.
        assertEquals("/utdanning/elev/elev/systemid/\ud83d\ude00", CHECK.canonical("${utdanning.elev.elev}/systemid/\ud83d\ude00", ELEVFORHOLD_ELEV, ELEV));
    }

    /** The quick path over characters answers as the string path does, for the placeholder form and everything else. */
    @Test
    void charactersGiveTheSameAnswerAsStrings() {
        String[] hrefs = {
                "${utdanning.elev.elev}/systemid/123", "${utdanning.elev.elev}/SystemId/123", "${utdanning.elev.elev}/systemid/1/2",
                "${utdanning.elev.elev}/feidenavn/ola@vgs.no", "${felles.person}/fodselsnummer/1", "${felles.kodeverk.iso.landkode}/systemid/NO",
                "${no.novari.fint.model.utdanning.elev.ElevResource}/systemId/9", "${utdanning.elev.elev}/systemid/æøå\"q",
                "${utdanning.elev.elev}/systemid/", "${utdanning.elev.elev}/systemid", "${utdanning.elev.elev}//1", "${utdanning.elev.elev}/",
                "${utdanning.elev.elev}", "${utdanning.elev.elev}x/systemid/1", "${utdanning.elev.elev/systemid/1", "${utdanning.elev.nope}/systemid/1",
                "${utdanning.elev.elev}/skole/1", "${utdanning.elev.elev}/systemid/a b", "${utdanning.elev.elev}/system id/1",
                "${utdanning.elev.elev}/systemid/a\u0000", "${utdanning.elev.elev}/systemid/a\u007f", "${a/b}/systemid/1", "${}/systemid/1",
                "${utdanning.elev.elev}/systemid/1}", "$", "${", "${}", "/utdanning/elev/elev/elevnummer/5", "systemid/5",
                "http://api.felleskomponent.no/utdanning/elev/elev/systemid/1", "", " ",
                "${utdanning.elev.elev}/systemid/a\ud800", "${utdanning.elev.elev}/systemid/\udc00", "${utdanning.elev.elev}/systemid/\ud83d\ude00",
        };
        HrefCheck.Context quick = new HrefCheck(MODEL).in(ELEV);
        for (int round = 0; round < 2; round++) { // the second round answers from the remembered prefixes
            for (String href : hrefs) {
                char[] text = ("<<" + href + ">>").toCharArray();
                assertEquals(CHECK.canonical(href, ELEVFORHOLD_ELEV, ELEV), quick.canonical(text, 2, href.length(), ELEVFORHOLD_ELEV), href);
            }
        }
    }
}
