package no.fint.platform.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonMappingException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import no.fint.platform.api.provider.model.ResponseFintEvent;
import no.fint.platform.service.Json;

import java.io.IOException;

/**
 * Reads an adapter's answer: the body at most {@code fint.provider.max-body-bytes} (413 above, also
 * when it comes without a length), the envelope into its generated class, and {@code value.resource}
 * kept as the JSON tree it was sent as (numbers and key order untouched) for the model checks.
 */
@Provider
@ApplicationScoped
@Consumes(MediaType.APPLICATION_JSON)
public class ResponseEventReader extends BodyReader<ResponseFintEvent> {

    /** For CDI. */
    protected ResponseEventReader() {
        super(ResponseFintEvent.class, null);
    }

    @Inject
    public ResponseEventReader(ProviderSettings settings) {
        super(ResponseFintEvent.class, settings);
    }

    @Override
    ResponseFintEvent parse(byte[] body) throws IOException {
        JsonNode tree = Json.mapper().readTree(body);
        if (tree == null || !tree.isObject()) {
            throw JsonMappingException.from(Json.mapper().createParser(body), "Expected a ResponseFintEvent object");
        }
        ResponseFintEvent event = Json.mapper().treeToValue(tree, ResponseFintEvent.class);
        JsonNode value = tree.get("value");
        if (value != null && value.isObject() && event.getValue() != null) {
            JsonNode resource = value.get("resource");
            event.getValue().setResource(resource == null || resource.isNull() ? null : resource);
        } else if (value != null && !value.isNull() && !value.isObject()) {
            throw JsonMappingException.from(Json.mapper().createParser(body), "value must be an object {identifier, resource}");
        }
        return event;
    }
}
