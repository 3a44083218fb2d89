/**
 * Time-of-use schedules and the billing determinants a rate plan prices: energy per season and period, import,
 * export, net and peak demand of one meter over one billing period, computed from the store's day rows.
 */
package org.meterguard.core.rates;
