package no.fint.platform.write;

import com.fasterxml.jackson.databind.JsonNode;
import no.fint.platform.canonical.Canonicalizer;
import no.fint.platform.canonical.Violation;
import no.fint.platform.canonical.Violations;
import no.fint.platform.model.InformationModel;
import no.fint.platform.model.ResourceType;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Rule: a client's body (POST, PUT) is valid against the model before anything is sent to an adapter,
 * checked by the provider's own canonical rules (docs/architecture.md, "Canonical resource JSON"), and
 * travels in canonical form. Links may be placeholders, relative, paths or absolute URLs; absolute
 * URLs of known resources (the consumer's own links, of any environment) become paths, as every
 * stored link is. A resource to create (or to validate for creation) may lack its own identifiers:
 * the source system assigns them.
 */
public final class ClientWriteCheck {

    /** The canonical resource, or the problems (as v1 {@link Problem}s: field and message). */
    public record Result(String canonical, List<Problem> problems) {
        public boolean refused() {
            return canonical == null;
        }
    }

    private final Canonicalizer canonicalizer;

    public ClientWriteCheck(InformationModel model) {
        this.canonicalizer = new Canonicalizer(model, true);
    }

    public Result check(ResourceType type, Operation operation, JsonNode body) {
        Violations v = new Violations();
        byte[] json = operation == Operation.UPDATE ? canonicalizer.canonicalize(type, body, v) : canonicalizer.canonicalizeNew(type, body, v);
        if (json == null) {
            List<Problem> problems = new ArrayList<>(v.size());
            for (Violation x : v.list()) {
                problems.add(new Problem(x.field(), x.reason(), null));
            }
            return new Result(null, problems);
        }
        return new Result(new String(json, StandardCharsets.UTF_8), List.of());
    }

    /** The 400 body for a refused write: a v1 EventResponse, REJECTED, one problem per violation. */
    public static byte[] refusal(ResourceType type, List<Problem> problems) {
        return EventResponses.body("Invalid " + type.modelClass().name() + ": " + problems.size() + " problem(s); nothing was sent",
                "BAD_REQUEST", ResponseStatus.REJECTED.name(), problems);
    }
}
