/**
 * Third parties that receive covered information: their contracts (terms, protective-terms confirmation, the
 * purposes allowed, whether they act as a primary-purpose contractor), their breaches and what the CPUC rules
 * require of each (the party's report within a week, notice to the regulator within two weeks once 1,000 customers
 * are touched, alone or cumulatively), and the pattern of breach that cuts a party off. Pure rules: no Spring, no SQL.
 */
package org.meterguard.core.thirdparty;
