package no.fint.platform.consumer;

import no.fint.platform.broker.KafkaBrokerExtension;
import no.fint.platform.model.Component;
import no.fint.platform.records.EntityRecord;
import no.fint.platform.records.Topics;
import no.fint.platform.service.EntityRecordCodec;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

/**
 * Writes what the provider and the relations service write: canonical entity records (through
 * {@link EntityRecordCodec}, as the provider does) and inverse-relation edges, straight into Kafka.
 */
final class Feed implements AutoCloseable {

    static final char US = '\u001F';

    private final String orgId;
    private final KafkaProducer<String, byte[]> producer;
    private final Admin admin;

    Feed(String orgId) {
        this.orgId = orgId;
        String bootstrap = KafkaBrokerExtension.bootstrapServers();
        // In order per partition without the idempotent producer's sequence numbers, which trip over
        // the leader elections of topics created a moment ago (OutOfOrderSequence).
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 5, ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false,
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1), new StringSerializer(), new ByteArraySerializer());
        admin = Admin.create(Map.<String, Object>of("bootstrap.servers", bootstrap));
    }

    /** Creates the compacted entity and relation topics of a component (as the services do) and waits for their leaders. */
    Feed topics(Component c) {
        List<String> names = List.of(Topics.entity(orgId, c), Topics.relation(orgId, c));
        for (String t : names) {
            try {
                admin.createTopics(List.of(new NewTopic(t, 3, (short) 1).configs(Map.of("cleanup.policy", "compact")))).all().get();
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw new IllegalStateException(e);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        awaitLeaders(names);
        return this;
    }

    private void awaitLeaders(List<String> names) {
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline) {
            try {
                boolean all = admin.describeTopics(names).allTopicNames().get().values().stream()
                        .allMatch(d -> d.partitions().stream().allMatch(p -> p.leader() != null && p.leader().id() >= 0));
                if (all) {
                    return;
                }
            } catch (ExecutionException e) {
                // not known yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    Feed entity(Component c, String resource, String identifier, String canonicalJson, long lastModified) {
        byte[] v = canonicalJson == null ? null : canonicalJson.getBytes(StandardCharsets.UTF_8);
        send(EntityRecordCodec.toKafka(new EntityRecord(orgId, c, resource, identifier, v, lastModified, "DELTA", "test")));
        return this;
    }

    Feed delete(Component c, String resource, String identifier, long lastModified) {
        return entity(c, resource, identifier, null, lastModified);
    }

    /** An edge on the target component's relation topic; {@code sourceHref} null removes it. */
    Feed edge(Component target, String targetPath, String relation, Component source, String sourceResource, String sourceId, String sourceHref) {
        String key = targetPath + US + relation + US + source.id() + US + sourceResource + US + sourceId;
        byte[] v = sourceHref == null ? null : ("{\"href\":\"" + sourceHref + "\"}").getBytes(StandardCharsets.UTF_8);
        send(new ProducerRecord<>(Topics.relation(orgId, target), key, v));
        return this;
    }

    private boolean batch;
    private final java.util.List<java.util.concurrent.Future<?>> pending = new java.util.ArrayList<>();

    /** From now on sends are not awaited one by one; {@link #flush()} awaits them. */
    Feed batch() {
        batch = true;
        return this;
    }

    /** Waits until Kafka acknowledged everything sent. */
    Feed flush() {
        producer.flush();
        for (java.util.concurrent.Future<?> f : pending) {
            await(f);
        }
        pending.clear();
        return this;
    }

    private void send(ProducerRecord<String, byte[]> r) {
        if (batch) {
            pending.add(producer.send(r));
        } else {
            await(producer.send(r));
        }
    }

    private static void await(java.util.concurrent.Future<?> f) {
        try {
            f.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        flush();
        producer.close();
        admin.close();
    }
}
