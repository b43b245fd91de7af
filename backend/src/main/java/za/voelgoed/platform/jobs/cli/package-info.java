/**
 * The {@code dlq} operator tool: lists, shows, replays, discards and purges dead-lettered jobs through
 * the backend's REST routes ({@code /api/orgs/{org}/dlq}). It ships in the backend jar
 * ({@code java -jar backend.jar dlq …}) but talks to a node only over HTTP, so it can run from any
 * machine that can reach one. {@link za.voelgoed.platform.jobs.cli.DlqCli} is the entry point.
 */
package za.voelgoed.platform.jobs.cli;
