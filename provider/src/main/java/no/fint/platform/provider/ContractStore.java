package no.fint.platform.provider;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import no.fint.platform.adapter.Contract;
import no.fint.platform.adapter.ContractRecords;
import no.fint.platform.records.Topics;
import no.fint.platform.service.KafkaSettings;
import no.fint.platform.service.TopicAdmin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.WakeupException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Registered adapter contracts, kept in the compacted contract topic (key adapterId) so they
 * survive restarts: read to the end at start (until then the provider is not ready), then followed,
 * so every provider instance sees every registration. Writing goes through {@link #register}.
 */
@ApplicationScoped
public class ContractStore {

    private static final Logger LOG = Logger.getLogger(ContractStore.class.getName());

    private final Map<String, Contract> byAdapter = new ConcurrentHashMap<>();
    private final List<Consumer<Contract>> listeners = new ArrayList<>();
    private KafkaSettings settings;
    private TopicAdmin topics;
    private RecordProducer producer;
    private volatile boolean loaded;
    private volatile boolean stopped;
    private volatile TopicReader reader;
    private Thread follower;

    /** For CDI. */
    protected ContractStore() {
    }

    @Inject
    public ContractStore(KafkaSettings settings, TopicAdmin topics, RecordProducer producer) {
        this.settings = settings;
        this.topics = topics;
        this.producer = producer;
    }

    /** Starts the loader/follower thread (once). */
    synchronized void start() {
        if (follower != null) {
            return;
        }
        follower = Thread.ofPlatform().daemon().name("fint-contract-follower").start(this::run);
    }

    /** Called with every contract that arrives (metrics register per-adapter gauges). */
    synchronized void onContract(Consumer<Contract> listener) {
        listeners.add(listener);
        byAdapter.values().forEach(listener);
    }

    private void run() {
        while (!stopped) {
            try (TopicReader r = new TopicReader(settings, "fint-provider-contracts", Topics.contracts())) {
                reader = r;
                topics.ensureCompacted(Topics.contracts(), 1);
                r.readToEnd(this::apply, Duration.ofSeconds(30));
                if (!loaded) {
                    loaded = true;
                    LOG.info(() -> "Loaded " + byAdapter.size() + " adapter contracts from " + Topics.contracts());
                }
                while (!stopped) {
                    r.follow(this::apply, Duration.ofSeconds(1));
                }
            } catch (WakeupException e) {
                return;
            } catch (Exception e) {
                if (stopped) {
                    return;
                }
                LOG.log(Level.WARNING, "Reading " + Topics.contracts() + " failed; retrying in 2 s: " + e.getMessage());
                sleep();
            }
        }
    }

    private void apply(ConsumerRecord<String, byte[]> r) {
        if (r.key() == null) {
            return;
        }
        if (r.value() == null) {
            byAdapter.remove(r.key());
            return;
        }
        try {
            Contract c = ContractRecords.read(r.value());
            put(c);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Skipping an unreadable contract record " + r.key(), e);
        }
    }

    private void put(Contract c) {
        Contract before = byAdapter.get(c.adapterId());
        if (before == null || before.registeredAt() <= c.registeredAt()) {
            byAdapter.put(c.adapterId(), c);
            List<Consumer<Contract>> ls;
            synchronized (this) {
                ls = List.copyOf(listeners);
            }
            ls.forEach(l -> l.accept(c));
        }
    }

    /** True once the topic was read to its end at start. */
    public boolean loaded() {
        return loaded;
    }

    public Contract get(String adapterId) {
        return adapterId == null ? null : byAdapter.get(adapterId);
    }

    public Collection<Contract> all() {
        return byAdapter.values();
    }

    /** Stores a contract durably (acknowledged by Kafka) and makes it effective here at once. */
    public void register(Contract c) throws Unavailable {
        try {
            topics.ensureCompacted(Topics.contracts(), 1);
        } catch (TopicAdmin.TopicException e) {
            throw new Unavailable(e.getMessage(), e);
        }
        producer.sendAll(List.of(new ProducerRecord<>(Topics.contracts(), c.adapterId(), ContractRecords.write(c))));
        put(c);
    }

    @PreDestroy
    void stop() {
        stopped = true;
        TopicReader r = reader;
        if (r != null) {
            r.wakeup();
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
