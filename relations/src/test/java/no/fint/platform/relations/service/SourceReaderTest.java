package no.fint.platform.relations.service;

import no.fint.platform.model.Component;
import no.fint.platform.model.InformationModel;
import no.fint.platform.records.EntityRecord;
import no.fint.platform.service.EntityRecordCodec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SourceReaderTest {

    private final SourceReader reader = new SourceReader(InformationModel.load());

    private static ConsumerRecord<String, byte[]> record(String topic, String key, String value, long lastModified) {
        EntityRecord e = new EntityRecord("fint.no", Component.parse("utdanning/elev"), "elevforhold", "x", null, lastModified, "DELTA", "c");
        ProducerRecord<String, byte[]> p = EntityRecordCodec.toKafka(e);
        return new ConsumerRecord<>(topic, 0, 7, 1L, TimestampType.CREATE_TIME, 0, 0, key,
                value == null ? null : value.getBytes(StandardCharsets.UTF_8), p.headers(), Optional.empty());
    }

    @Test
    void readsASourceVersionFromAnyOrganisationsTopic() throws Exception {
        SourceReader.SourceVersion v = reader.read(record("vestfold-fylke-no.fint-core.entity.utdanning-elev", "elevforhold\u001Fef1",
                "{\"systemId\":{\"identifikatorverdi\":\"ef1\"},\"_links\":{\"elev\":[{\"href\":\"/utdanning/elev/elev/systemid/e1\"}]}}", 42));
        assertEquals("vestfold-fylke-no", v.source().org());
        assertEquals(Component.parse("utdanning/elev"), v.source().component());
        assertEquals("elevforhold\u001Fef1", v.source().key());
        assertEquals(42, v.lastModified());
        assertEquals(1, v.edges().edges().size());
        // A tombstone is a version with no edges.
        assertTrue(reader.read(record("fint-no.fint-core.entity.utdanning-elev", "elevforhold\u001Fef1", null, 43)).edges().edges().isEmpty());
    }

    @Test
    void typesThatFeedNoEdgeAreNotTracked() throws Exception {
        assertNull(reader.read(record("fint-no.fint-core.entity.felles-kodeverk-iso", "kjonn\u001F1", "{}", 1)));
    }

    @Test
    void poisonIsNamedByItsReason() {
        assertEquals("unknown-component", assertThrows(SourceReader.PoisonException.class,
                () -> reader.read(record("fint-no.fint-core.entity.nothing-here", "elev\u001F1", "{}", 1))).reason());
        assertEquals("unknown-component", assertThrows(SourceReader.PoisonException.class,
                () -> reader.read(record("something-else", "elev\u001F1", "{}", 1))).reason());
        assertEquals("bad-key", assertThrows(SourceReader.PoisonException.class,
                () -> reader.read(record("fint-no.fint-core.entity.utdanning-elev", "no-separator", "{}", 1))).reason());
        assertEquals("bad-key", assertThrows(SourceReader.PoisonException.class,
                () -> reader.read(record("fint-no.fint-core.entity.utdanning-elev", null, "{}", 1))).reason());
        assertEquals("unknown-resource", assertThrows(SourceReader.PoisonException.class,
                () -> reader.read(record("fint-no.fint-core.entity.utdanning-elev", "skole\u001F1", "{}", 1))).reason());
        assertEquals("unreadable-json", assertThrows(SourceReader.PoisonException.class,
                () -> reader.read(record("fint-no.fint-core.entity.utdanning-elev", "elevforhold\u001F1", "{\"a\":", 1))).reason());
        assertEquals("fint-no", SourceReader.orgPart("fint-no.fint-core.entity.utdanning-elev"));
        assertNull(SourceReader.orgPart("fint-core.adapter-heartbeat"));
    }
}
