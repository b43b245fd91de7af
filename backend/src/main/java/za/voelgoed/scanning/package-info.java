/**
 * Scanning at the gate (ADR 0022, 0024). Owns {@code scanning_sessions}, {@code scans}, {@code admissions} (with
 * each ticket's state: inside or left), {@code show_scanning_settings}, the Redis admitted set, presence and
 * inside counts of each show, and the {@code scanning:session:{id}} topics. Publishes {@code scan.accepted},
 * {@code scan.rejected}, {@code ticket.redeemed} and {@code scanning.settings_changed}; every ticket is admitted at
 * most once (invariant 5), and its entries and exits alternate.
 */
package za.voelgoed.scanning;
