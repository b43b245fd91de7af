/**
 * Scanning at the gate (ADR 0022). Owns {@code scanning_sessions}, {@code scans} and {@code admissions}, the
 * Redis admitted set of each show, and the {@code scanning:session:{id}} topics. Publishes {@code scan.accepted},
 * {@code scan.rejected} and {@code ticket.redeemed}; every ticket is admitted at most once (invariant 5).
 */
package za.voelgoed.scanning;
