package no.fint.platform.service;

import io.helidon.messaging.connectors.kafka.KafkaMessage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Subscription;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RecordSubscriberTest {

    private final AtomicInteger acks = new AtomicInteger();

    /** A Kafka message as the connector hands it over: the record, and an ack that is counted. */
    @SuppressWarnings("unchecked")
    private Message<byte[]> message(ConsumerRecord<String, byte[]> record) {
        InvocationHandler h = (proxy, method, args) -> switch (method.getName()) {
            case "getConsumerRecord" -> Optional.of(record);
            case "getPayload" -> record.value();
            case "ack" -> {
                acks.incrementAndGet();
                yield CompletableFuture.completedFuture(null);
            }
            default -> method.isDefault() ? InvocationHandler.invokeDefault(proxy, method, args) : null;
        };
        return (Message<byte[]>) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{KafkaMessage.class}, h);
    }

    @Test
    void demandIsUnboundedAndEveryRecordReachesTheHandlerAndIsAcknowledged() {
        List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();
        RecordSubscriber s = new RecordSubscriber("test", seen::add);
        AtomicLong demand = new AtomicLong();
        assertFalse(s.subscribed());
        s.onSubscribe(new Subscription() {
            public void request(long n) {
                demand.addAndGet(n);
            }

            public void cancel() {
            }
        });
        assertTrue(s.subscribed());
        assertEquals(Long.MAX_VALUE, demand.get());
        ConsumerRecord<String, byte[]> r = new ConsumerRecord<>("t", 0, 7, "k", new byte[]{1});
        s.onNext(message(r));
        assertEquals(1, seen.size());
        assertSame(r, seen.get(0));
        assertEquals(1, acks.get());
    }

    @Test
    void aHandlerThatThrowsDoesNotEndTheChannel() {
        AtomicInteger calls = new AtomicInteger();
        RecordSubscriber s = new RecordSubscriber("test", r -> {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("bad record");
            }
        });
        s.onNext(message(new ConsumerRecord<>("t", 0, 1, "a", null)));
        s.onNext(message(new ConsumerRecord<>("t", 0, 2, "b", null)));
        assertEquals(2, calls.get());
        assertEquals(1, acks.get(), "only the handled record is acknowledged");
        assertNull(s.failure());
    }

    @Test
    void aFailedChannelIsRemembered() {
        RecordSubscriber s = new RecordSubscriber("test", r -> { });
        IllegalStateException e = new IllegalStateException("broker gone");
        s.onError(e);
        assertSame(e, s.failure());
    }
}
