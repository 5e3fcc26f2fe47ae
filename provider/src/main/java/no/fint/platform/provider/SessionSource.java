package no.fint.platform.provider;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import no.fint.platform.records.Topics;
import no.fint.platform.service.TopicAdmin;
import no.fint.platform.sync.SessionRecords;
import no.fint.platform.sync.SyncSession;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.util.ArrayList;
import java.util.List;

/** Writes sync-session records (headers and page records) onto the compacted session topic. */
@ApplicationScoped
public class SessionSource {

    private RecordProducer producer;
    private TopicAdmin topics;

    /** For CDI. */
    protected SessionSource() {
    }

    @Inject
    public SessionSource(RecordProducer producer, TopicAdmin topics) {
        this.producer = producer;
        this.topics = topics;
    }

    /** Creates the topic (compacted, one partition) when missing. */
    public void ensureTopic() throws Unavailable {
        try {
            topics.ensureCompacted(Topics.syncSessions(), 1);
        } catch (TopicAdmin.TopicException e) {
            throw new Unavailable(e.getMessage(), e);
        }
    }

    /** Persists session headers and page records, and waits for the acknowledgements. */
    public void persist(List<SyncSession.Snapshot> headers, List<SyncSession.PageRecord> pages, String pagesOf) throws Unavailable {
        ensureTopic();
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>(headers.size() + pages.size());
        for (SyncSession.PageRecord p : pages) {
            records.add(new ProducerRecord<>(Topics.syncSessions(), SessionRecords.pageKey(pagesOf, p.page()), SessionRecords.page(p)));
        }
        for (SyncSession.Snapshot h : headers) {
            records.add(new ProducerRecord<>(Topics.syncSessions(), SessionRecords.headerKey(h.corrId()), SessionRecords.header(h)));
        }
        producer.sendAll(records);
    }

    public void persist(SyncSession.Snapshot header) throws Unavailable {
        persist(List.of(header), List.of(), header.corrId());
    }

    /** Deletes a forgotten sync's records (tombstones for its header and page keys). */
    public void forget(String corrId, List<Long> pages) throws Unavailable {
        ensureTopic();
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>(pages.size() + 1);
        for (long p : pages) {
            records.add(new ProducerRecord<>(Topics.syncSessions(), SessionRecords.pageKey(corrId, p), null));
        }
        records.add(new ProducerRecord<>(Topics.syncSessions(), SessionRecords.headerKey(corrId), null));
        producer.sendAll(records);
    }
}
