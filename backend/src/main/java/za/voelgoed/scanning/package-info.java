/**
 * Scanning at the gate. Only the owner of each scan session exists so far ({@code scanning_sessions}): the
 * gateway asks it who may follow {@code scanning:session:{id}}. Sessions, scans and their events come with
 * the scanning slice.
 */
package za.voelgoed.scanning;
