/**
 * The privacy notice ("Notice of Accessing, Collecting, Storing, Using and Disclosing Energy Usage Information"):
 * its versions and content, and the pure rule of when a customer must be given it (new account, changed version,
 * annual reminder).
 */
package org.meterguard.core.privacy;
