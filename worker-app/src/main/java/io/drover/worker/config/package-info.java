/**
 * Configuration: the {@code drover.worker.*} properties record and the infrastructure beans (clock,
 * randomness, the master's HTTP client). The only package that reads configuration keys.
 */
package io.drover.worker.config;
