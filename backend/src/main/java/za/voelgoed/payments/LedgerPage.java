package za.voelgoed.payments;

import java.util.List;

/** One page of the provider's ledger; pass {@code nextAfter} as {@code after} while {@code hasMore}. */
public record LedgerPage(List<Authorization> authorizations, boolean hasMore, String nextAfter) {

    public LedgerPage {
        authorizations = authorizations == null ? List.of() : List.copyOf(authorizations);
    }
}
