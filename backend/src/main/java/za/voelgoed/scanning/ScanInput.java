package za.voelgoed.scanning;

import java.util.List;
import za.voelgoed.platform.http.ApiException;
import za.voelgoed.platform.http.Problem;
import za.voelgoed.platform.http.Validation;

/** Checks scans as they arrive, before anything is read or recorded: a bad scan is refused with all its errors. */
final class ScanInput {

    static final int MAX_CODE = 1_024;
    static final int MAX_NONCE = 128;
    static final int MAX_BATCH = 1_000;

    private ScanInput() {
    }

    static void check(ScanRequest scan) {
        check(scan, "", new Validation()).orThrow();
    }

    static void checkBatch(List<ScanRequest> scans) {
        if (scans == null || scans.isEmpty() || scans.size() > MAX_BATCH) {
            throw ApiException.invalid(List.of(new Problem.FieldError("scans",
                    "must hold 1 to " + MAX_BATCH + " scans")));
        }
        Validation v = new Validation();
        for (int i = 0; i < scans.size(); i++) {
            if (scans.get(i) == null) {
                v.require(false, "scans[" + i + "]", "must be a scan");
            } else {
                check(scans.get(i), "scans[" + i + "].", v);
            }
        }
        v.orThrow();
    }

    private static Validation check(ScanRequest scan, String at, Validation v) {
        String code = scan.code();
        String nonce = scan.nonce();
        return v.require(code != null && !code.isBlank(), at + "code", "is required")
                .require(code == null || code.length() <= MAX_CODE, at + "code", "is longer than " + MAX_CODE)
                .require(scan.sessionId() != null, at + "session_id", "is required")
                .require(nonce != null && !nonce.isBlank() && nonce.length() <= MAX_NONCE, at + "nonce",
                        "must be 1 to " + MAX_NONCE + " characters")
                .require(scan.direction() == null || Direction.of(scan.direction()).filter(d -> d != Direction.BOTH)
                        .isPresent(),
                        at + "direction", "must be entry or exit");
    }

    /**
     * The direction of a scan in its session: what the scan says, else the session's ({@code entry} at a gate of
     * both directions). A scan may not go against its session's one direction.
     */
    static Direction direction(ScanSession session, ScanRequest scan) {
        Direction sessionWay = Direction.of(session.direction()).orElse(Direction.ENTRY);
        Direction way = scan.direction() != null ? Direction.of(scan.direction()).orElseThrow()
                : sessionWay == Direction.BOTH ? Direction.ENTRY : sessionWay;
        if (sessionWay != Direction.BOTH && way != sessionWay) {
            throw ApiException.of(422, "direction_not_allowed", "Direction not allowed",
                    "the session scans " + session.direction() + " only");
        }
        return way;
    }
}
