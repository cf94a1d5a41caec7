/**
 * A small Java client of the master's public API (DESIGN.md §5): submit, inspect and kill drivers, read
 * their logs, list workers and the whole cluster. Built on the JDK's {@link java.net.http.HttpClient} and
 * Jackson; no Spring, so drivers, tools and tests can all use it.
 *
 * <p>Thread rule: a {@link io.drover.client.DroverClient} is immutable and safe to share between threads.
 */
package io.drover.client;
