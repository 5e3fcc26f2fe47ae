package no.fint.platform.relations.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import no.fint.platform.model.Component;
import no.fint.platform.model.InformationModel;
import no.fint.platform.model.ResourceType;
import no.fint.platform.records.EntityRecord;
import no.fint.platform.records.Topics;
import no.fint.platform.relations.EdgeDerivation;
import no.fint.platform.relations.RelationRules;
import no.fint.platform.relations.RelationState;
import no.fint.platform.relations.SourceEdges;
import no.fint.platform.relations.UnreadableResourceException;
import no.fint.platform.service.EntityRecordCodec;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;

/**
 * Turns one entity record (of any organisation) into the source version it describes: which source,
 * its last-modified stamp, and the edges it implies. The same reading serves the start-up rebuild and
 * the live path, so both derive exactly the same edges.
 */
@ApplicationScoped
public class SourceReader {

    private EdgeDerivation derivation;
    private final Map<String, Component> components = new ConcurrentHashMap<>();
    /** Topic name to its organisation part and component (null component: not one of ours). */
    private final Map<String, TopicInfo> topics = new ConcurrentHashMap<>();

    private record TopicInfo(String org, Component component, String componentId) {
    }

    /** For CDI. */
    protected SourceReader() {
    }

    @Inject
    public SourceReader(InformationModel model) {
        this.derivation = new EdgeDerivation(model, RelationRules.of(model));
    }

    /**
     * One version of a source.
     *
     * @param source       the source resource
     * @param lastModified when the platform accepted this version
     * @param edges        the edges it implies ({@link SourceEdges#NONE} for a delete)
     */
    public record SourceVersion(RelationState.SourceId source, long lastModified, SourceEdges edges) {
    }

    /** A record that cannot be read: counted and logged, never allowed to stop the service. */
    public static final class PoisonException extends Exception {
        private final String reason;

        PoisonException(String reason, String detail, Throwable cause) {
            super(reason + ": " + detail, cause);
            this.reason = reason;
        }

        /** Short label for the metric: unknown-component, bad-key, unknown-resource, unreadable-json, failure. */
        public String reason() {
            return reason;
        }
    }

    /** The organisation part of an entity topic name ({@code fint-no}), or null when it is not one. */
    public static String orgPart(String topic) {
        Matcher m = Topics.ANY_ENTITY.matcher(topic);
        return m.matches() ? m.group(1) : null;
    }

    /**
     * The source version of a record, or null when its type can never feed an edge (nothing to track).
     *
     * @throws PoisonException when the record cannot be read
     */
    public SourceVersion read(ConsumerRecord<String, byte[]> r) throws PoisonException {
        TopicInfo topic = topics.computeIfAbsent(r.topic(), t -> {
            Matcher m = Topics.ANY_ENTITY.matcher(t);
            return m.matches() ? new TopicInfo(m.group(1), component(m.group(2)), m.group(2)) : new TopicInfo(null, null, null);
        });
        if (topic.org() == null) {
            throw new PoisonException("unknown-component", "not an entity topic: " + r.topic(), null);
        }
        String org = topic.org();
        Component component = topic.component();
        if (component == null) {
            throw new PoisonException("unknown-component", "the model has no component " + topic.componentId(), null);
        }
        EntityRecord record;
        try {
            record = EntityRecordCodec.fromKafka(org, component, r);
        } catch (RuntimeException e) {
            throw new PoisonException("bad-key", String.valueOf(e.getMessage()), e);
        }
        ResourceType type = derivation.model().resource(component, record.resourceName()).orElse(null);
        if (type == null) {
            throw new PoisonException("unknown-resource", "no resource '" + record.resourceName() + "' in " + component, null);
        }
        if (!derivation.feedsEdges(type)) {
            return null;
        }
        try {
            SourceEdges edges = derivation.derive(type, r.key(), record.identifier(), record.value());
            return new SourceVersion(new RelationState.SourceId(org, component, r.key()), record.lastModified(), edges);
        } catch (UnreadableResourceException e) {
            throw new PoisonException("unreadable-json", e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new PoisonException("failure", String.valueOf(e), e);
        }
    }

    private Component component(String id) {
        Component known = components.get(id);
        if (known != null) {
            return known;
        }
        try {
            Component c = Component.parse(id);
            if (!derivation.model().hasComponent(c)) {
                return null;
            }
            components.put(id, c);
            return c;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
