package no.fint.platform.provider;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import no.fint.platform.records.Topics;
import no.fint.platform.service.CatchUp;
import no.fint.platform.service.KafkaSettings;
import no.fint.platform.write.WriteEvent;
import no.fint.platform.write.WriteEvents;
import no.fint.platform.write.WriteLedger;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The provider's {@link WriteLedger}, folded from every organisation's write log as
 * {@link WriteLogSink} delivers it. Loaded once the write logs that existed at start have been read
 * up to where they ended then ({@link CatchUp}): until then the provider answers polls and answers
 * with 503 and expires nothing, so a restart neither hands out a request whose lease or answer it
 * has not read yet nor expires a request whose answer it has not read yet.
 */
@ApplicationScoped
public class WriteLedgerStore {

    private static final Logger LOG = Logger.getLogger(WriteLedgerStore.class.getName());

    private WriteLedger ledger;
    private CatchUp catchUp;
    private Clock clock;
    private final AtomicLong applied = new AtomicLong();
    private final AtomicLong unreadable = new AtomicLong();
    private volatile boolean loaded;
    /** Requests read so far; long polls wait for it to change ({@link #awaitArrival}). */
    private long arrivals;
    private final ReentrantLock arrivalLock = new ReentrantLock();
    private final Condition arrived = arrivalLock.newCondition();

    /** For CDI. */
    protected WriteLedgerStore() {
    }

    @Inject
    public WriteLedgerStore(KafkaSettings settings, EventSettings events, Clock clock) {
        this.clock = clock;
        this.ledger = new WriteLedger(events.maxTimeToLive());
        this.catchUp = new CatchUp(settings, "fint-provider-write-logs", t -> Topics.ANY_WRITE_EVENTS.matcher(t).matches());
    }

    public WriteLedger ledger() {
        return ledger;
    }

    /** True once the write logs were read up to where they ended at start. */
    public boolean loaded() {
        if (!loaded && catchUp.caughtUp()) {
            loaded = true;
            LOG.info(() -> "Write logs read: " + ledger.size() + " write requests known (" + applied + " records, "
                    + unreadable + " unreadable)");
        }
        return loaded;
    }

    void start() {
        catchUp.start();
    }

    /** One record of a write log, from {@link WriteLogSink}. Never throws. */
    void accept(String topic, int partition, long offset, byte[] value) {
        try {
            if (value != null) {
                WriteEvent event = WriteEvents.read(value);
                ledger.apply(event, clock.millis());
                applied.incrementAndGet();
                if (event instanceof WriteEvent.Requested) {
                    signalArrival();
                }
            }
        } catch (RuntimeException e) {
            unreadable.incrementAndGet();
            LOG.log(Level.WARNING, "Skipping an unreadable write-log record " + topic + "/" + partition + "@" + offset + ": " + e.getMessage());
        }
        catchUp.delivered(topic, partition, offset);
    }

    /** How many write requests have been read so far: a long poll notes it before it looks. */
    public long arrivals() {
        arrivalLock.lock();
        try {
            return arrivals;
        } finally {
            arrivalLock.unlock();
        }
    }

    /**
     * Waits until a request arrives after {@code seen} ({@link #arrivals()} before the poll looked), at
     * most {@code nanos}. Returns at once when one already has, so none is missed between look and wait.
     */
    public void awaitArrival(long seen, long nanos) {
        arrivalLock.lock();
        try {
            long left = nanos;
            while (arrivals == seen && left > 0) {
                left = arrived.awaitNanos(left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            arrivalLock.unlock();
        }
    }

    private void signalArrival() {
        arrivalLock.lock();
        try {
            arrivals++;
            arrived.signalAll();
        } finally {
            arrivalLock.unlock();
        }
    }

    /** A decision this provider wrote (and Kafka acknowledged): applied at once, not only when read back. */
    void applyOwn(WriteEvent event) {
        ledger.apply(event, clock.millis());
    }

    /** Write-log records that could not be read (skipped). */
    public long unreadable() {
        return unreadable.get();
    }

    @PreDestroy
    void stop() {
        catchUp.stop();
    }
}
