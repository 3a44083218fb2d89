/**
 * Legal demands for customers' covered information, as the CPUC's rules (D.11-07-056, Rule 6) treat them: warrants,
 * court and Commission orders, subpoenas and emergency requests; the scope each names (accounts, categories, usage
 * dates); the customer's notice and time to contest a subpoena before anything is released, unless an order forbids
 * the notice; emergencies (imminent threat to life or property) released at once and reported. Pure rules: no Spring,
 * no SQL.
 */
package org.meterguard.core.legal;
