/**
 * The console's test fixture: the real backend and payment simulator as separate processes
 * ({@link za.voelgoed.console.testing.BackendProcess}), data made through the public REST API only
 * ({@link za.voelgoed.console.testing.ConsoleFixtures}), the provider link a test can cut
 * ({@link za.voelgoed.console.testing.PaymentLink}), and a demo backend for screenshots
 * ({@link za.voelgoed.console.testing.DemoBackend}, {@code console/src/test/demo.sh}). Each test class makes
 * its own organisation: backends started by one test JVM share its database and Redis prefix
 * ({@code TestEnv}), and organisations keep their data apart.
 */
package za.voelgoed.console.testing;
