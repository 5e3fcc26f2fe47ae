package no.fint.platform.write;

import com.fasterxml.jackson.databind.JsonNode;
import no.fint.platform.canonical.Canonicalizer;
import no.fint.platform.canonical.Violation;
import no.fint.platform.canonical.Violations;
import no.fint.platform.canonical.check.IdentifierCheck;
import no.fint.platform.canonical.check.SurrogateCheck;
import no.fint.platform.model.InformationModel;
import no.fint.platform.model.ModelClass;
import no.fint.platform.model.ResourceType;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Rules for an adapter's answer ({@code ResponseFintEvent}) to a write request. Two steps, so the
 * provider can answer in FINT v2's order: {@link #shape} before the request is looked up (a missing
 * {@code operationType} is 400 whatever the corrId), {@link #check} against the request afterwards.
 *
 * <ul>
 *   <li>corrId, orgId, adapterId and operationType present; operationType one of CREATE, UPDATE,
 *   VALIDATE, DELETE; at most one of failed, rejected, conflicted.</li>
 *   <li>operationType is the request's.</li>
 *   <li>An accepted CREATE or UPDATE carries {@code value.identifier} and {@code value.resource}: the
 *   resource valid against the model (it goes onto the entity topic, canonical), the identifier one
 *   of its identifier values; an UPDATE's resource still carries the identifier value the client's
 *   route named.</li>
 *   <li>An accepted DELETE carries {@code value.identifier} (the key of the tombstone).</li>
 *   <li>A conflict carries the conflicting resource ({@code value.resource}), valid against the model
 *   (the client gets it).</li>
 *   <li>VALIDATE, errors and rejections need no value.</li>
 * </ul>
 * FINT v2 wrote a failed UPDATE's resource to the entity topic; here only accepted writes change data.
 */
public final class AnswerCheck {

    /** The answer as sent; the resource as a tree (null when absent or JSON null). */
    public record Input(String corrId, String orgId, String adapterId, String operationType, Long handledAt,
                        String identifier, JsonNode resource, Boolean failed, String errorMessage, Boolean rejected,
                        String rejectReason, Boolean conflicted, String conflictReason, String message, String statusCode,
                        List<Problem> problems) {
    }

    /** Either violations (400) or the answer to record. */
    public record Result(List<Violation> violations, WriteAnswer answer) {
        public boolean refused() {
            return !violations.isEmpty();
        }
    }

    private final Canonicalizer canonicalizer;
    private final InformationModel model;

    public AnswerCheck(InformationModel model) {
        this.model = model;
        this.canonicalizer = new Canonicalizer(model);
    }

    /** What is wrong with the answer on its own (before its request is looked up). */
    public static List<Violation> shape(Input in) {
        List<Violation> bad = new ArrayList<>();
        if (blank(in.corrId())) {
            bad.add(new Violation("corrId", "missing"));
        }
        if (blank(in.orgId())) {
            bad.add(new Violation("orgId", "missing"));
        }
        if (blank(in.adapterId())) {
            bad.add(new Violation("adapterId", "missing"));
        }
        if (blank(in.operationType())) {
            bad.add(new Violation("operationType", "missing: one of CREATE, UPDATE, VALIDATE, DELETE"));
        } else if (Operation.parse(in.operationType()) == null) {
            bad.add(new Violation("operationType", "'" + in.operationType() + "' is not one of CREATE, UPDATE, VALIDATE, DELETE"));
        }
        int flags = (isTrue(in.failed()) ? 1 : 0) + (isTrue(in.rejected()) ? 1 : 0) + (isTrue(in.conflicted()) ? 1 : 0);
        if (flags > 1) {
            bad.add(new Violation("failed/rejected/conflicted", "at most one may be true"));
        }
        if (in.problems() != null) {
            for (int i = 0; i < in.problems().size(); i++) {
                if (in.problems().get(i) == null) {
                    bad.add(new Violation("problems[" + i + "]", "null"));
                }
            }
        }
        return bad;
    }

    /**
     * Checks a well-shaped answer ({@link #shape} found nothing) against its request.
     *
     * @param now epoch ms the provider accepts the answer
     */
    public Result check(Input in, WriteRequest request, long now) {
        List<Violation> bad = new ArrayList<>();
        Operation op = Operation.parse(in.operationType());
        if (op != request.operation()) {
            bad.add(new Violation("operationType", "the request " + request.corrId() + " is " + request.operation() + ", not " + op));
            return new Result(bad, null);
        }
        ResponseStatus status = isTrue(in.failed()) ? ResponseStatus.ERROR : isTrue(in.rejected()) ? ResponseStatus.REJECTED
                : isTrue(in.conflicted()) ? ResponseStatus.CONFLICT : ResponseStatus.ACCEPTED;
        ResourceType type = model.resourceByPath(request.resource()).orElse(null);
        if (type == null) {
            bad.add(new Violation("value", "the request's resource " + request.resource() + " is not in model " + model.version()));
            return new Result(bad, null);
        }
        String identifier = null;
        String resource = null;
        boolean accepted = status == ResponseStatus.ACCEPTED;
        if ((accepted && (op == Operation.CREATE || op == Operation.UPDATE)) || status == ResponseStatus.CONFLICT) {
            boolean needsIdentifier = status == ResponseStatus.ACCEPTED;
            if (in.resource() == null) {
                bad.add(new Violation("value.resource", "missing: " + (accepted ? "an accepted " + op + " returns the resource as stored"
                        : "a conflict returns the conflicting resource")));
            } else {
                Violations v = new Violations();
                byte[] json = canonicalizer.canonicalize(type, in.resource(), v);
                v.list().forEach(x -> bad.add(new Violation("value.resource." + x.field(), x.reason())));
                if (json != null) {
                    resource = new String(json, StandardCharsets.UTF_8);
                }
                if (needsIdentifier || !blank(in.identifier())) {
                    identifier = IdentifierCheck.match(in.identifier(), type.modelClass(), in.resource());
                    if (identifier == null) {
                        bad.add(new Violation("value.identifier", IdentifierCheck.reason(in.identifier(), type.modelClass(), in.resource())));
                    }
                }
                if (accepted && op == Operation.UPDATE && request.query() != null) {
                    String mismatch = routeMismatch(request.query(), type.modelClass(), in.resource());
                    if (mismatch != null) {
                        bad.add(new Violation("value.resource", mismatch));
                    }
                }
            }
        } else if (accepted && op == Operation.DELETE) {
            identifier = IdentifierCheck.value(in.identifier());
            if (identifier == null) {
                bad.add(new Violation("value.identifier", "missing: an accepted DELETE names the identifier of the deleted resource"));
            } else {
                SurrogateCheck.report(bad, "value.identifier", in.identifier());
            }
        }
        if (!bad.isEmpty()) {
            return new Result(bad, null);
        }
        String message = switch (status) {
            case ERROR -> first(in.errorMessage(), in.message());
            case REJECTED -> first(in.rejectReason(), in.message());
            case CONFLICT -> first(in.conflictReason(), in.message());
            case ACCEPTED -> in.message();
        };
        long handledAt = in.handledAt() == null ? now : in.handledAt();
        return new Result(List.of(), new WriteAnswer(request.corrId(), request.orgId(), in.adapterId(), op, status, message,
                in.statusCode(), in.problems(), identifier, resource, handledAt, now, -1, -1));
    }

    /** Why an updated resource does not carry the identifier value the client's {@code PUT} route named; null when it does. */
    static String routeMismatch(String query, ModelClass cls, JsonNode resource) {
        int slash = query.indexOf('/');
        if (slash < 0) {
            return null;
        }
        String field = query.substring(0, slash);
        String value = query.substring(slash + 1);
        for (String id : cls.identifiers()) {
            if (id.equalsIgnoreCase(field)) {
                JsonNode v = resource.path(id).path("identifikatorverdi");
                return v.isTextual() && v.textValue().equals(value) ? null
                        : "the updated resource does not carry " + field.toLowerCase(Locale.ROOT) + " '" + value + "' of the request's route";
            }
        }
        return null;
    }

    private static String first(String a, String b) {
        return a != null ? a : b;
    }

    private static boolean isTrue(Boolean b) {
        return Boolean.TRUE.equals(b);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
