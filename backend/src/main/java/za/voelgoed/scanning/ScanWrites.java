package za.voelgoed.scanning;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import za.voelgoed.platform.outbox.Transaction;
import za.voelgoed.platform.outbox.Transaction.Emission;
import za.voelgoed.scanning.ScanStore.Claim;

/**
 * What a journal transaction's scans write at its end, all at once: their answers (one statement for the group,
 * not one per scan) and their events (together, so concurrent transactions take the tickets' sequence locks in one
 * order). A later scan of the group that resends an earlier one's nonce gets that answer from here.
 */
final class ScanWrites {

    /** A scan's answer, written onto its claimed row. */
    record Answered(Claim claim, UUID ticketId, ScanAnswer answer) {
    }

    private record Nonce(UUID sessionId, String nonce) {
    }

    private final List<Emission> emissions = new ArrayList<>();
    private final List<Answered> answers = new ArrayList<>();
    private final Map<Nonce, ScanAnswer> byNonce = new HashMap<>();

    void emit(Emission emission) {
        emissions.add(emission);
    }

    void answer(Claim claim, UUID ticketId, ScanAnswer answer) {
        answers.add(new Answered(claim, ticketId, answer));
        byNonce.put(new Nonce(claim.session().id(), claim.nonce()), answer);
    }

    /** The answer a scan of this group gave to the session's nonce, if one did. */
    Optional<ScanAnswer> answered(UUID sessionId, String nonce) {
        return Optional.ofNullable(byNonce.get(new Nonce(sessionId, nonce)));
    }

    /** Writes the answers, then the events, in the transaction. */
    void write(Transaction tx) {
        ScanStore.answerAll(tx.sql(), answers);
        tx.emitAll(emissions);
    }
}
