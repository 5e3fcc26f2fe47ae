package no.fint.platform.model;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InformationModelTest {

    private final InformationModel model = InformationModel.load();
    private final InformationModel v3 = InformationModel.load("3.21.10");

    private ModelClass cls(InformationModel m, String qualifiedName) {
        return m.modelClass(qualifiedName).orElseThrow();
    }

    @Test
    void loadsBothVersionsWithTheirClassCounts() {
        assertEquals("4.0.30", model.version());
        assertEquals(201, model.classes().size());
        assertEquals(166, model.classes().stream().filter(ModelClass::isMain).count());
        assertEquals(204, v3.classes().size());
        assertEquals(169, v3.classes().stream().filter(ModelClass::isMain).count());
        assertThrows(IllegalArgumentException.class, () -> InformationModel.load("2.0.0"));
    }

    @Test
    void elevHasFourIdentifiersInBothOrders() {
        ModelClass elev = cls(model, "utdanning.elev.Elev");
        assertEquals(List.of("brukernavn", "elevnummer", "feidenavn", "systemId"), elev.identifiers());
        assertEquals(List.of("brukernavn", "elevnummer", "feidenavn", "systemId"), elev.selfLinkIdentifiers());
        assertTrue(elev.writeable());
        assertTrue(elev.attribute("systemId").map(a -> !a.optional()).orElse(false));
    }

    @Test
    void elevforholdSerialisesSuperclassAttributesFirst() {
        ModelClass ef = cls(model, "utdanning.elev.Elevforhold");
        assertEquals(List.of("beskrivelse", "systemId", "anmerkninger", "avbruddsdato", "gyldighetsperiode",
                "hovedskole", "tosprakligFagopplaring"), ef.attributes().stream().map(Attribute::name).toList());
        assertEquals("utdanning.basisklasser.Utdanningsforhold", ef.superclass().orElseThrow().qualifiedName());
        assertFalse(ef.writeable());
    }

    @Test
    void skoleSelfLinksListOwnIdentifiersBeforeInheritedOnes() {
        ModelClass skole = cls(model, "utdanning.utdanningsprogram.Skole");
        assertEquals(List.of("organisasjonsnummer", "skolenummer", "systemId"), skole.identifiers());
        assertEquals(List.of("skolenummer", "systemId", "organisasjonsnummer"), skole.selfLinkIdentifiers());
        assertEquals(List.of("kontaktinformasjon", "postadresse", "forretningsadresse", "organisasjonsnavn",
                        "organisasjonsnummer", "domenenavn", "juridiskNavn", "navn", "skolenummer", "systemId"),
                skole.attributes().stream().map(Attribute::name).toList());
    }

    @Test
    void elevAndElevforholdAreInversePairs() {
        Relation elevforhold = cls(model, "utdanning.elev.Elev").relation("elevforhold").orElseThrow();
        assertEquals("utdanning.elev.Elevforhold", elevforhold.target());
        assertEquals("elev", elevforhold.inverseName());
        assertEquals(Multiplicity.NONE_TO_MANY, elevforhold.multiplicity());
        assertEquals(Boolean.FALSE, elevforhold.isSource());

        Relation elev = cls(model, "utdanning.elev.Elevforhold").relation("elev").orElseThrow();
        assertEquals("utdanning.elev.Elev", elev.target());
        assertEquals("elevforhold", elev.inverseName());
        assertEquals(Boolean.TRUE, elev.isSource());
        assertTrue(elev.multiplicity().required());
    }

    @Test
    void skoleRouteAndResourceLookup() {
        ResourceType skole = model.resourceByPath("/Utdanning/Utdanningsprogram/Skole/").orElseThrow();
        assertEquals("/utdanning/utdanningsprogram/skole", skole.path());
        assertEquals("utdanning.utdanningsprogram.Skole", skole.modelClass().qualifiedName());
        assertEquals("/utdanning/utdanningsprogram/skole", skole.modelClass().route().orElseThrow());
    }

    @Test
    void fellesClassesAreServedUnderTheComponentsThatUseThem() {
        Component elev = Component.parse("utdanning/elev");
        ResourceType person = model.resource(elev, "person").orElseThrow();
        assertEquals("/utdanning/elev/person", person.path());
        assertEquals("felles.Person", person.modelClass().qualifiedName());
        assertTrue(model.resourceByPath("/administrasjon/personal/person").isPresent());
        assertTrue(model.resourceByPath("/felles/person").isEmpty());
        List<String> names = model.resources(elev).stream().map(ResourceType::name).toList();
        assertEquals(List.of("elev", "elevforhold", "elevtilrettelegging", "klasse", "klassemedlemskap", "kontaktlarergruppe",
                "kontaktlarergruppemedlemskap", "kontaktperson", "person", "persongruppe", "persongruppemedlemskap",
                "skoleressurs", "undervisningsforhold", "varsel"), names);
    }

    @Test
    void nestedPackagesHaveFourSegmentRoutes() {
        Component iso = Component.parse("felles/kodeverk/iso");
        assertEquals("felles-kodeverk-iso", iso.id());
        assertEquals("/felles/kodeverk/iso/kjonn", model.resource(iso, "kjonn").orElseThrow().path());
        assertTrue(model.hasComponent(iso));
    }

    @Test
    void placeholdersResolveToPaths() {
        Component elev = Component.parse("utdanning/elev");
        assertEquals("/utdanning/elev/elevforhold", model.placeholderPath("utdanning.elev.elevforhold", elev).orElseThrow());
        assertEquals("/utdanning/elev/person", model.placeholderPath("felles.person", elev).orElseThrow());
        assertEquals("/administrasjon/personal/person",
                model.placeholderPath("felles.person", Component.parse("administrasjon/personal")).orElseThrow());
        assertEquals("/felles/kodeverk/iso/kjonn", model.placeholderPath("no.novari.fint.model.felles.kodeverk.iso.Kjonn", elev).orElseThrow());
        assertEquals("/utdanning/elev/elev", model.placeholderPath("no.fint.model.resource.utdanning.elev.ElevResource", elev).orElseThrow());
        assertTrue(model.placeholderPath("x.y", elev).isEmpty());
        assertTrue(model.placeholderPath("felles.kompleksedatatyper.periode", elev).isEmpty());
    }

    @Test
    void v3HasBasisgruppeAndNoKlasse() {
        Component elev = Component.parse("utdanning/elev");
        assertTrue(v3.resource(elev, "basisgruppe").isPresent());
        assertTrue(v3.resource(elev, "klasse").isEmpty());
        assertTrue(model.resource(elev, "klasse").isPresent());
    }

    @Test
    void everyInverseNameResolvesToARelationPointingBack() {
        for (ModelClass c : model.classes()) {
            for (Relation r : c.ownRelations()) {
                if (r.inverseName() == null) {
                    continue;
                }
                ModelClass target = cls(model, r.target());
                Relation inverse = target.relation(r.inverseName()).orElseThrow(() -> new AssertionError(c + "." + r.name()));
                assertTrue(c.isA(inverse.target()), c + "." + r.name() + " <-> " + target + "." + inverse.name());
            }
        }
    }
}
