package no.fint.platform.consumer;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import no.fint.platform.records.Topics;
import no.fint.platform.service.KafkaSettings;
import no.fint.platform.service.LazyProducer;
import no.fint.platform.service.TopicAdmin;
import no.fint.platform.write.WriteEvent;
import no.fint.platform.write.WriteEvents;
import no.fint.platform.write.WriteRequest;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Puts a client's write request on the organisation's write log ("source" into Kafka), keyed by corrId,
 * and returns only once Kafka acknowledged it (acks=all, idempotent), so the client's 202 never promises
 * a write Kafka does not hold. A plain producer, like the provider's side of the log: with a reactive
 * messaging {@code Emitter} one failed send (a metadata timeout under load, measured with
 * {@code ./fint bench writes}) ended the channel's stream and every later write timed out, and its
 * bounded buffer refused writes under a burst. The log is still read through reactive messaging
 * ({@link WriteLogSink}).
 */
@ApplicationScoped
public class WriteRequestSource {

    private TopicAdmin topics;
    private KafkaSettings kafka;
    private ConsumerSettings settings;
    private WriteConfig config;
    private LazyProducer producer;
    private volatile boolean logReady;

    /** For CDI. */
    protected WriteRequestSource() {
    }

    @Inject
    public WriteRequestSource(TopicAdmin topics, KafkaSettings kafka, ConsumerSettings settings, WriteConfig config) {
        this.topics = topics;
        this.kafka = kafka;
        this.settings = settings;
        this.config = config;
        this.producer = new LazyProducer(() -> {
            Map<String, Object> c = kafka.producer("fint-consumer-writes-" + Topics.orgPart(settings.orgId()));
            c.put(ProducerConfig.LINGER_MS_CONFIG, 0); // a client waits for each request
            long timeout = config.ackTimeout().toMillis();
            c.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, Math.min(timeout, Duration.ofSeconds(5).toMillis()));
            c.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(timeout, Integer.MAX_VALUE));
            c.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) Math.min(timeout + 1, Integer.MAX_VALUE));
            return c;
        });
    }

    /** Kafka did not take the request in time: nothing was sent. */
    public static final class Unavailable extends Exception {
        Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Creates the write log when it is missing (at start, and before a write until it exists). */
    void ensureLog() throws TopicAdmin.TopicException {
        topics.ensureEvents(Topics.writeEvents(settings.orgId()), kafka.partitions(), WriteEvents.RETENTION.toMillis(),
                WriteEvents.SEGMENT.toMillis());
        logReady = true;
    }


    public void send(WriteRequest request) throws Unavailable {
        if (!logReady) {
            try {
                ensureLog();
            } catch (TopicAdmin.TopicException e) {
                throw new Unavailable(e.getMessage(), e);
            }
        }
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.writeEvents(settings.orgId()), request.corrId(),
                WriteEvents.write(new WriteEvent.Requested(request)));
        try {
            producer.get().send(record).get(config.ackTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("interrupted while waiting for Kafka", e);
        } catch (ExecutionException e) {
            throw new Unavailable("Kafka did not acknowledge the write request: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new Unavailable("Kafka did not acknowledge the write request within " + config.ackTimeout(), e);
        } catch (RuntimeException e) {
            throw new Unavailable("Kafka refused the write request: " + e.getMessage(), e);
        }
    }

    @PreDestroy
    void close() {
        producer.close();
    }
}
