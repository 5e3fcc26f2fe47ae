package no.fint.platform.records;

import no.fint.platform.model.Component;
import org.junit.jupiter.api.Test;

import java.util.regex.Matcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TopicPatternsTest {

    @Test
    void entityAndRelationTopicsOfEveryOrganisationMatchWithTheirParts() {
        String entity = Topics.entity("vestfold-fylke.no", Component.parse("felles/kodeverk/iso"));
        Matcher m = Topics.ANY_ENTITY.matcher(entity);
        assertTrue(m.matches());
        assertEquals("vestfold-fylke-no", m.group(1));
        assertEquals("felles-kodeverk-iso", m.group(2));
        assertEquals(Component.parse("felles/kodeverk/iso"), Component.parse(m.group(2)));

        String relation = Topics.relationOfOrgPart(m.group(1), Component.parse("utdanning/elev"));
        assertEquals(Topics.relation("vestfold-fylke.no", Component.parse("utdanning/elev")), relation);
        assertTrue(Topics.ANY_RELATION.matcher(relation).matches());
        assertFalse(Topics.ANY_ENTITY.matcher(relation).matches());
        assertFalse(Topics.ANY_ENTITY.matcher("fint-core.adapter-heartbeat").matches());
        assertFalse(Topics.ANY_ENTITY.matcher("fint-no.fint-core.entity.Utdanning-elev").matches());
    }
}
