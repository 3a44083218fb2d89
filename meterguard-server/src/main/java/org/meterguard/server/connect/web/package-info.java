/** HTTP face of Green Button Connect: the ESPI REST resources and the registration of third parties' clients. */
package org.meterguard.server.connect.web;
