/**
 * Scanning at the gate (ADR 0022). Owns {@code scanning_sessions}, {@code scans} and {@code admissions}, the
 * Redis admitted set of each show, and the {@code scanning:session:{id}} topics. Publishes {@code scan.accepted},
 * {@code scan.rejected} and {@code ticket.redeemed}; every ticket is admitted at most once (invariant 5). Scans are
 * recorded by group commit, one transaction per node for what queued ({@link za.voelgoed.scanning.ScanJournal},
 * ADR 0026).
 */
package za.voelgoed.scanning;
