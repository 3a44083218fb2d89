/**
 * The database the server runs on: an embedded PostgreSQL with a persistent data directory by default, or an
 * external server named by standard Spring datasource properties or {@code MG_DB_URL}.
 */
package org.meterguard.server.database;
