package no.fint.platform.bench.consumer;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import no.fint.platform.model.Attribute;
import no.fint.platform.model.Component;
import no.fint.platform.model.InformationModel;
import no.fint.platform.model.ModelClass;
import no.fint.platform.model.ResourceType;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Turns a resource as an adapter sends it into the canonical resource JSON of docs/architecture.md
 * (model order, nulls dropped, dates in UTC seconds, placeholders resolved to paths, no self, links
 * deduplicated). A stand-in for the benchmarks only, until the provider's canonicalisation is on main:
 * the benchmarks need records as the provider will write them.
 */
final class Canonical {

    private static final DateTimeFormatter OUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    private final InformationModel model;
    private final ObjectMapper mapper = new ObjectMapper();

    Canonical(InformationModel model) {
        this.model = model;
    }

    byte[] canonical(ResourceType type, byte[] adapterJson) {
        try {
            JsonNode root = mapper.readTree(adapterJson);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(adapterJson.length);
            try (JsonGenerator g = mapper.getFactory().createGenerator(bytes)) {
                object(root, type.modelClass(), type.component(), g);
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void object(JsonNode node, ModelClass mc, Component context, JsonGenerator g) throws IOException {
        g.writeStartObject();
        for (Attribute a : mc.attributes()) {
            JsonNode v = node.get(a.name());
            if (v == null || v.isNull()) {
                continue;
            }
            g.writeFieldName(a.name());
            if (a.list()) {
                g.writeStartArray();
                for (JsonNode e : v) {
                    value(e, a, context, g);
                }
                g.writeEndArray();
            } else {
                value(v, a, context, g);
            }
        }
        JsonNode links = node.get("_links");
        if (links != null && links.isObject()) {
            boolean open = false;
            Iterator<Map.Entry<String, JsonNode>> it = links.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> rel = it.next();
                if (rel.getKey().equals("self") || !rel.getValue().isArray()) {
                    continue;
                }
                Set<String> hrefs = new LinkedHashSet<>();
                for (JsonNode l : rel.getValue()) {
                    if (l.hasNonNull("href")) {
                        hrefs.add(href(l.get("href").asText(), context));
                    }
                }
                if (hrefs.isEmpty()) {
                    continue;
                }
                if (!open) {
                    g.writeObjectFieldStart("_links");
                    open = true;
                }
                g.writeArrayFieldStart(rel.getKey());
                for (String h : hrefs) {
                    g.writeStartObject();
                    g.writeStringField("href", h);
                    g.writeEndObject();
                }
                g.writeEndArray();
            }
            if (open) {
                g.writeEndObject();
            }
        }
        g.writeEndObject();
    }

    private void value(JsonNode v, Attribute a, Component context, JsonGenerator g) throws IOException {
        switch (a.type()) {
            case "date" -> g.writeString(date(v));
            case "boolean" -> g.writeBoolean(v.asBoolean());
            case "long" -> g.writeNumber(v.asLong());
            case "int" -> g.writeNumber(v.asInt());
            case "float" -> g.writeRawValue(Float.toString((float) v.asDouble()));
            case "string" -> g.writeString(v.asText());
            default -> {
                ModelClass nested = model.modelClass(a.type()).orElseThrow();
                object(v, nested, context, g);
            }
        }
    }

    private static String date(JsonNode v) {
        if (v.isNumber()) {
            return OUT.format(Instant.ofEpochMilli(v.asLong()));
        }
        String s = v.asText();
        try {
            return OUT.format(OffsetDateTime.parse(s).toInstant());
        } catch (DateTimeParseException e) {
            return OUT.format(Instant.parse(s));
        }
    }

    private String href(String h, Component context) {
        if (h.startsWith("${")) {
            int end = h.indexOf('}');
            String path = model.placeholderPath(h.substring(2, end), context).orElse("");
            return path + h.substring(end + 1);
        }
        if (h.startsWith("http://")) {
            return "https://" + h.substring("http://".length());
        }
        return h;
    }
}
