/**
 * Configuration: application.yaml defaults overridden by VOELGOED_* environment variables.
 */
package za.voelgoed.platform.config;
