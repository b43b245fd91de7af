/**
 * Scanning at the gate (ADR 0022, 0023, 0024, 0025). Owns {@code scanning_sessions}, {@code scans},
 * {@code admissions} (with each ticket's state: inside or left), {@code show_scanning_settings} and
 * {@code ticket_blocks}, the Redis admitted set, presence and inside counts of each show, and the
 * {@code scanning:session:{id}} topics. Publishes {@code scan.accepted}, {@code scan.rejected},
 * {@code ticket.redeemed}, {@code scanning.settings_changed}, {@code scanning.session_opened}/{@code _closed} and
 * {@code ticket.blocked}/{@code unblocked}; every ticket is admitted at most once (invariant 5), its entries and
 * exits alternate, and an offline upload that admitted a ticket again is a recorded conflict. Scans are recorded
 * by group commit, one transaction per node for what queued ({@link za.voelgoed.scanning.ScanJournal}, ADR 0026).
 */
package za.voelgoed.scanning;
