/**
 * Organisations (tenants). Owns the {@code organizations} table; every other slice's rows carry an
 * {@code organization_id} that points here. Creating one is a system-admin action.
 */
package za.voelgoed.orgs;
