/**
 * The third-party registry: organizations, their contracts and the purposes each allows, their breaches (with the
 * rules' deadlines for the party's report and the regulator's notice) and cut-offs, which cease all disclosure to
 * a party at once. Every change is audited; a cut-off is published as {@link ThirdPartyCutOff}.
 */
package org.meterguard.server.thirdparties;
