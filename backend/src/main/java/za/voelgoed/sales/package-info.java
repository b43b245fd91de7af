/**
 * The sales slice (ADR 0019): counters of tickets sold, refunded and revenue per show and line, and per
 * minute, kept by {@link za.voelgoed.sales.SalesLedger} in the transactions of the ticketing slice that sell
 * and refund; the live-sales routes read them with the seating slice's stock, never counting tickets.
 */
package za.voelgoed.sales;
