/**
 * Credentials for both apps (DESIGN.md §7): the cluster secret, named tokens with roles, drivers' derived
 * tokens, bearer-token and dashboard-login authentication, and the one access policy every route obeys.
 * Stateless apart from the dashboard's HTTP session; nothing here logs a secret.
 */
package io.drover.server.security;
