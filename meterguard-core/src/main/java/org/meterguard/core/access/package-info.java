/**
 * Authorization as pure rules: the permissions each staff role holds (least privilege, separation of duties), the
 * kinds of basis a purpose needs, privacy training, and the one policy decision point that decides a request from
 * facts the server has resolved (role, permission, ACL scope, purpose, basis, training).
 */
package org.meterguard.core.access;
