package no.fint.platform.provider;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import no.fint.platform.service.RecordSubscriber;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.reactivestreams.Subscriber;

/**
 * Reads every organisation's write log ({@code *.fint-core.write-event}: the consumers' write
 * requests, and the leases, answers and expiries of every provider instance) through MicroProfile
 * Reactive Messaging (Helidon's Kafka connector, channel {@code write-events}, a topic pattern so new
 * organisations are found, a consumer group of its own per provider start, from the earliest record
 * kept) into the {@link WriteLedgerStore}. Unbounded demand: the connector hands out at most the
 * outstanding demand per poll period (see the relations service's EntityChannel).
 */
@ApplicationScoped
public class WriteLogSink {

    private WriteLedgerStore store;
    private final RecordSubscriber subscriber = new RecordSubscriber("write-events",
            r -> store.accept(r.topic(), r.partition(), r.offset(), r.value()));

    /** For CDI. */
    protected WriteLogSink() {
    }

    @Inject
    public WriteLogSink(WriteLedgerStore store) {
        this.store = store;
    }

    @Incoming("write-events")
    public Subscriber<Message<byte[]>> writeEvents() {
        return subscriber;
    }

    /** Null while the channel works. */
    public Throwable failure() {
        return subscriber.failure();
    }
}
