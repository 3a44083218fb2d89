/** The Meterguard server application; each direct sub-package is one feature module. */
package org.meterguard.server;
