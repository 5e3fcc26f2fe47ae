package no.fint.platform.consumer;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import no.fint.platform.records.Topics;
import no.fint.platform.service.CatchUp;
import no.fint.platform.service.KafkaSettings;
import no.fint.platform.service.RecordSubscriber;
import no.fint.platform.service.TopicAdmin;
import no.fint.platform.write.ClientLedger;
import no.fint.platform.write.WriteEvents;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.reactivestreams.Subscriber;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Reads this organisation's write log through MicroProfile Reactive Messaging (channel
 * {@code write-events}, Helidon's Kafka connector, a group of its own per start, from the earliest
 * record kept) into the {@link ClientLedger} the status endpoint answers from: the requests this
 * consumer sent and the provider's answers and expiries. A restarted consumer so knows every request of
 * the last hour again; it is ready once it has read the log up to where it ended at start
 * ({@link CatchUp}). Forgets requests older than 30 minutes every minute.
 */
@ApplicationScoped
public class WriteLogSink {

    private static final Logger LOG = Logger.getLogger(WriteLogSink.class.getName());

    private final ClientLedger ledger = new ClientLedger();
    private final AtomicLong unreadable = new AtomicLong();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().daemon()
            .name("fint-write-status-evictor").unstarted(r));
    private CatchUp catchUp;
    private WriteRequestSource source;
    private final RecordSubscriber subscriber = new RecordSubscriber("write-events", this::apply);

    /** For CDI. */
    protected WriteLogSink() {
    }

    @Inject
    public WriteLogSink(ConsumerSettings settings, KafkaSettings kafka, WriteRequestSource source) {
        String topic = Topics.writeEvents(settings.orgId());
        this.catchUp = new CatchUp(kafka, "fint-consumer-write-log-" + Topics.orgPart(settings.orgId()), topic::equals);
        this.source = source;
    }

    void start(@Observes @Initialized(ApplicationScoped.class) Object event) {
        try {
            source.ensureLog();
        } catch (TopicAdmin.TopicException e) {
            LOG.warning("Cannot create the write log now (created with the first write): " + e.getMessage());
        }
        catchUp.start();
        timer.scheduleWithFixedDelay(() -> ledger.evict(System.currentTimeMillis()), 1, 1, TimeUnit.MINUTES);
    }

    public ClientLedger ledger() {
        return ledger;
    }

    /** The log has been read up to where it ended at start: statuses are complete. */
    public boolean caughtUp() {
        return catchUp.caughtUp();
    }

    public long unreadable() {
        return unreadable.get();
    }

    /** Null while the channel works. */
    public Throwable failure() {
        return subscriber.failure();
    }

    @Incoming("write-events")
    public Subscriber<Message<byte[]>> writeEvents() {
        return subscriber;
    }

    private void apply(ConsumerRecord<String, byte[]> r) {
        try {
            if (r.value() != null) {
                ledger.apply(WriteEvents.read(r.value()));
            }
        } catch (RuntimeException e) {
            unreadable.incrementAndGet();
            LOG.log(Level.WARNING, "Skipping an unreadable write-log record " + r.topic() + "/" + r.partition() + "@" + r.offset()
                    + ": " + e.getMessage());
        }
        catchUp.delivered(r.topic(), r.partition(), r.offset());
    }

    @PreDestroy
    void stop() {
        catchUp.stop();
        timer.shutdownNow();
    }
}
