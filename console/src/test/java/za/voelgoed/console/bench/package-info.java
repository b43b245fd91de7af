/**
 * {@code bin/bench console}: the real console, in a JVM of its own on an Xvfb display (or Monocle's headless
 * one), against a real backend process taking domain events at a fixed rate over the public REST API
 * ({@link za.voelgoed.console.bench.HoldLoad}). The console runs as
 * {@link za.voelgoed.console.ConsoleBenchProbe}, started through {@code Launcher.main} as {@code console.jar} is,
 * which measures the FX thread's gaps ({@code FxHeartbeat}), reads the pages' redraws through the
 * package-private {@code ConsoleApp.onShellOpened} hook and reports them on stdout. Test code: nothing
 * here ships in {@code console.jar}.
 */
package za.voelgoed.console.bench;
