/** What a node's periodic upkeep tasks (retention, pruning) share. */
package za.voelgoed.platform.upkeep;
