package no.fint.platform.write;

import java.util.List;

/**
 * The adapter's accepted answer to a write request, as the provider records it: the verdict, the
 * adapter's own words (message, statusCode, problems, passed to the client unchanged), the resource it
 * stored or the conflicting one in canonical JSON, and where the stored version landed on the entity
 * topic (the consumer answers success only once it has read that far: read your own write).
 *
 * @param message         the adapter's errorMessage, rejectReason or conflictReason (or message)
 * @param problems        the adapter's problems, null when it sent none
 * @param identifier      the identifier the resource is keyed by on the entity topic; null when none
 * @param resource        canonical JSON of the stored (ACCEPTED create/update) or conflicting resource; else null
 * @param handledAt       epoch ms the adapter says it handled the request (its clock; informational)
 * @param answeredAt      epoch ms the provider accepted the answer
 * @param entityPartition partition of the entity record written for it, or -1 when none was written
 * @param entityOffset    offset of that record, or -1
 */
public record WriteAnswer(String corrId, String orgId, String adapterId, Operation operation, ResponseStatus status,
                          String message, String statusCode, List<Problem> problems, String identifier, String resource,
                          long handledAt, long answeredAt, int entityPartition, long entityOffset) {

    public WriteAnswer {
        problems = problems == null ? null : List.copyOf(problems);
    }

    /** This answer with the entity record's position. */
    public WriteAnswer at(int partition, long offset) {
        return new WriteAnswer(corrId, orgId, adapterId, operation, status, message, statusCode, problems, identifier, resource,
                handledAt, answeredAt, partition, offset);
    }

    /** True when the answer puts a record on the entity topic: an accepted create, update or delete. */
    public boolean writesEntity() {
        return status == ResponseStatus.ACCEPTED && operation != Operation.VALIDATE;
    }
}
