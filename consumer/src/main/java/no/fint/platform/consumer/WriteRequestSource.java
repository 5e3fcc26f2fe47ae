package no.fint.platform.consumer;

import io.helidon.messaging.connectors.kafka.KafkaMessage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import no.fint.platform.records.Topics;
import no.fint.platform.service.KafkaSettings;
import no.fint.platform.service.TopicAdmin;
import no.fint.platform.write.WriteEvent;
import no.fint.platform.write.WriteEvents;
import no.fint.platform.write.WriteRequest;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Puts a client's write request on the organisation's write log ("source" into Kafka) through
 * MicroProfile Reactive Messaging: an {@link Emitter} on Helidon's Kafka connector (channel
 * {@code write-requests}, acks=all, idempotent), keyed by corrId. {@link #send} returns only once Kafka
 * acknowledged the record, so the client's 202 never promises a write Kafka does not hold.
 */
@ApplicationScoped
public class WriteRequestSource {

    private Emitter<byte[]> emitter;
    private TopicAdmin topics;
    private KafkaSettings kafka;
    private ConsumerSettings settings;
    private WriteConfig config;

    /** For CDI. */
    protected WriteRequestSource() {
    }

    @Inject
    public WriteRequestSource(@Channel("write-requests") Emitter<byte[]> emitter, TopicAdmin topics, KafkaSettings kafka,
                              ConsumerSettings settings, WriteConfig config) {
        this.emitter = emitter;
        this.topics = topics;
        this.kafka = kafka;
        this.settings = settings;
        this.config = config;
    }

    /** Kafka did not take the request in time: nothing was sent. */
    public static final class Unavailable extends Exception {
        Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Creates the write log when it is missing (at start, and before a write). */
    void ensureLog() throws TopicAdmin.TopicException {
        topics.ensureEvents(Topics.writeEvents(settings.orgId()), kafka.partitions(), WriteEvents.RETENTION.toMillis(),
                WriteEvents.SEGMENT.toMillis());
    }

    public void send(WriteRequest request) throws Unavailable {
        try {
            ensureLog();
        } catch (TopicAdmin.TopicException e) {
            throw new Unavailable(e.getMessage(), e);
        }
        Outgoing message = new Outgoing(request.corrId(), WriteEvents.write(new WriteEvent.Requested(request)));
        try {
            emitter.send(message);
            message.acked.get(config.ackTimeout().toMillis(), TimeUnit.MILLISECONDS);
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

    /** A keyed record whose acknowledgement (or failure) completes a future the sender waits on. */
    static final class Outgoing implements KafkaMessage<String, byte[]> {
        private final String key;
        private final byte[] payload;
        private final Headers headers = new RecordHeaders();
        final CompletableFuture<Void> acked = new CompletableFuture<>();

        Outgoing(String key, byte[] payload) {
            this.key = key;
            this.payload = payload;
        }

        @Override
        public Optional<String> getTopic() {
            return Optional.empty();
        }

        @Override
        public Optional<Integer> getPartition() {
            return Optional.empty();
        }

        @Override
        public Optional<Long> getOffset() {
            return Optional.empty();
        }

        @Override
        public Optional<ConsumerRecord<String, byte[]>> getConsumerRecord() {
            return Optional.empty();
        }

        @Override
        public Optional<String> getKey() {
            return Optional.of(key);
        }

        @Override
        public Headers getHeaders() {
            return headers;
        }

        @Override
        public byte[] getPayload() {
            return payload;
        }

        @Override
        public CompletionStage<Void> ack() {
            acked.complete(null);
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletionStage<Void> nack(Throwable reason) {
            acked.completeExceptionally(reason);
            return CompletableFuture.completedFuture(null);
        }
    }
}
