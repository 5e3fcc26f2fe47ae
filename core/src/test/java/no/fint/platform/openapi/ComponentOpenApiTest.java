package no.fint.platform.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import no.fint.platform.model.Attribute;
import no.fint.platform.model.Component;
import no.fint.platform.model.InformationModel;
import no.fint.platform.model.ResourceType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ComponentOpenApiTest {

    @Test
    void elevDocumentHasTypedResourcesAndEveryEndpoint() {
        InformationModel model = InformationModel.load();
        ObjectNode doc = ComponentOpenApi.document(model, Component.parse("utdanning/elev"));
        JsonNode schemas = doc.path("components").path("schemas");
        JsonNode elev = schemas.path("ElevResource").path("properties");
        List<String> keys = new ArrayList<>();
        elev.fieldNames().forEachRemaining(keys::add);
        assertEquals(List.of("brukernavn", "elevnummer", "feidenavn", "gjest", "hybeladresse", "kontaktinformasjon", "systemId", "_links"), keys);
        assertEquals("#/components/schemas/Identifikator", elev.path("systemId").path("$ref").asText());
        assertEquals("boolean", elev.path("gjest").path("type").asText());
        assertEquals("date-time", schemas.path("Periode").path("properties").path("start").path("format").asText());
        assertTrue(schemas.path("ElevResourceLinks").path("properties").has("elevforhold"));
        assertTrue(schemas.path("ElevResourceLinks").path("properties").has("self"));
        assertTrue(schemas.path("AdresseLinks").path("properties").has("land"), "nested complex types carry their own links");
        assertTrue(schemas.has("PersonResource"), "felles classes served under the component");
        JsonNode paths = doc.path("paths");
        for (String p : List.of("/utdanning/elev/elev", "/utdanning/elev/elev/systemid/{id}", "/utdanning/elev/elev/feidenavn/{id}",
                "/utdanning/elev/elev/last-updated", "/utdanning/elev/elev/cache/size", "/utdanning/elev/person/fodselsnummer/{id}")) {
            assertTrue(paths.has(p), p);
        }
        assertEquals("getElevBySystemId", paths.path("/utdanning/elev/elev/systemid/{id}").path("get").path("operationId").asText());
    }

    @Test
    void everyDocumentOfEveryModelIsSelfContained() {
        for (String version : InformationModel.VERSIONS) {
            InformationModel model = InformationModel.load(version);
            for (Component c : model.components()) {
                ObjectNode doc = ComponentOpenApi.document(model, c);
                JsonNode schemas = doc.path("components").path("schemas");
                List<String> refs = new ArrayList<>();
                collectRefs(doc, refs);
                for (String ref : refs) {
                    assertTrue(schemas.has(ref.substring("#/components/schemas/".length())), version + " " + c + ": dangling " + ref);
                }
                for (ResourceType t : model.resources(c)) {
                    JsonNode props = schemas.path(t.modelClass().name() + "Resource").path("properties");
                    if (props.isMissingNode()) {
                        continue; // renamed because two classes share the simple name; the refs check covers it
                    }
                    for (Attribute a : t.modelClass().attributes()) {
                        assertTrue(props.has(a.name()), version + " " + t + "." + a.name());
                    }
                }
                assertTrue(ComponentOpenApi.resourcePath(version, c).startsWith("META-INF/fint-openapi/" + version + "/"));
            }
        }
    }

    private static void collectRefs(JsonNode n, List<String> out) {
        if (n.isObject()) {
            if (n.has("$ref")) {
                out.add(n.get("$ref").asText());
            }
            Iterator<JsonNode> it = n.elements();
            while (it.hasNext()) {
                collectRefs(it.next(), out);
            }
        } else if (n.isArray()) {
            n.forEach(x -> collectRefs(x, out));
        }
    }
}
