/**
 * PostgreSQL access: the Hikari pool, Flyway migrations, the jOOQ context, and creating the database
 * on first start.
 */
package za.voelgoed.platform.db;
