/**
 * Card payments through the external provider. Owns the {@link za.voelgoed.payments.PaymentProvider} port
 * and its HTTP adapter; the checkout calls it, nothing here touches the database.
 *
 * <p>Every charging call carries an idempotency key chosen by the caller (derived from the order, one
 * per operation, e.g. {@code order-<id>:authorize}), and the adapter reuses it on every retry, so a
 * retried authorisation never charges twice. When the outcome stays unknown
 * ({@link za.voelgoed.payments.PaymentUnavailable}) the caller may call again later with the same key,
 * or reconcile against {@link za.voelgoed.payments.PaymentProvider#ledger}.
 *
 * <p>Card numbers and CVVs pass through in memory only: they are never logged, and
 * {@link za.voelgoed.payments.CardDetails#toString()} masks them.
 */
package za.voelgoed.payments;
