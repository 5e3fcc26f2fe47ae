package no.fint.platform.write;

/**
 * One record of an organisation's write log (topic {@code {org}.fint-core.write-event}, key corrId):
 * the request, then the provider's decisions about it. All records of one corrId share a key and so a
 * partition, and are read in the order they were written; {@link WriteLedger} and {@link ClientLedger}
 * fold them. The first {@link Answered} or {@link Expired} of a corrId is final.
 */
public sealed interface WriteEvent {

    String corrId();

    /** A client's write, written by the consumer. */
    record Requested(WriteRequest request) implements WriteEvent {
        @Override
        public String corrId() {
            return request.corrId();
        }
    }

    /** The request was handed to {@code adapterId} at {@code at}; nobody else gets it before {@code until}. */
    record Leased(String corrId, String adapterId, long at, long until) implements WriteEvent {
    }

    /** The adapter's answer, accepted by the provider. */
    record Answered(WriteAnswer answer) implements WriteEvent {
        @Override
        public String corrId() {
            return answer.corrId();
        }
    }

    /** Nobody answered before the request's deadline; decided by the provider at {@code at}. */
    record Expired(String corrId, String orgId, long at) implements WriteEvent {
    }
}
