/**
 * First start and the demo: the initial accounts with generated passwords and a demo fleet registration,
 * created once and printed once, and a simulated fleet that pushes to the head-end over TCP.
 */
package org.meterguard.server.demo;
