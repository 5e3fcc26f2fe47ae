package no.fint.platform.service;

import no.fint.platform.model.Component;
import no.fint.platform.records.EntityRecord;
import no.fint.platform.records.RecordHeaders;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class EntityRecordCodecTest {

    private static final long TIMESTAMP = 1_700_000_000_000L;

    private static ConsumerRecord<String, byte[]> record(List<Header> headers) {
        return new ConsumerRecord<>("fint-no.fint-core.entity.utdanning-elev", 0, 0, TIMESTAMP, TimestampType.CREATE_TIME, 0, 0,
                "elev\u001f1", new byte[0], new org.apache.kafka.common.header.internals.RecordHeaders(headers), Optional.empty());
    }

    private static Header header(String name, String value) {
        return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void lastModifiedComesFromItsHeaderEvenAfterAnotherEightByteHeader() {
        // "arstrinn" has a long's 8 bytes too: the name decides
        ConsumerRecord<String, byte[]> r = record(List.of(header(RecordHeaders.RESOURCE_NAME, "arstrinn"),
                new RecordHeader(RecordHeaders.LAST_MODIFIED, RecordHeaders.encodeLong(42)), header(RecordHeaders.CORR_ID, "c")));
        assertEquals(42, EntityRecordCodec.lastModified(r));
    }

    @Test
    void withoutTheHeaderTheRecordTimestampIsTheLastModifiedTime() {
        assertEquals(TIMESTAMP, EntityRecordCodec.lastModified(record(List.of(header(RecordHeaders.RESOURCE_NAME, "elev")))));
        assertEquals(TIMESTAMP, EntityRecordCodec.lastModified(record(List.of())));
    }

    @Test
    void aLastModifiedHeaderThatIsNotALongFallsBackToTheTimestamp() {
        assertEquals(TIMESTAMP, EntityRecordCodec.lastModified(record(List.of(header(RecordHeaders.LAST_MODIFIED, "yesterday")))));
    }

    @Test
    void aRecordWrittenByTheCodecReadsBackTheSame() {
        EntityRecord written = new EntityRecord("fint.no", new Component("utdanning", "elev"), "elev", "1", "{}".getBytes(StandardCharsets.UTF_8),
                123_456L, "FULL", "corr");
        ProducerRecord<String, byte[]> out = EntityRecordCodec.toKafka(written);
        ConsumerRecord<String, byte[]> in = new ConsumerRecord<>(out.topic(), 0, 0, TIMESTAMP, TimestampType.CREATE_TIME, 0, 0, out.key(),
                out.value(), out.headers(), Optional.empty());
        EntityRecord read = EntityRecordCodec.fromKafka("fint.no", written.component(), in);
        assertEquals(123_456L, read.lastModified());
        assertEquals("elev", read.resourceName());
        assertEquals("1", read.identifier());
        assertEquals("FULL", read.syncType());
        assertEquals("corr", read.corrId());
    }
}
