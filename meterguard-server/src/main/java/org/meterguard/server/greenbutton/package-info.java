/**
 * Green Button and CSV import of utilities' history into the store: streamed, all-or-nothing per file, with a
 * command-line front end that shows progress.
 */
package org.meterguard.server.greenbutton;
