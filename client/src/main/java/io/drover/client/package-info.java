/**
 * A small Java client of the master's public API (DESIGN.md §5): submit, inspect and kill drivers, read
 * their logs, register and steer applications and follow their events (Server-Sent Events, read on a
 * daemon thread by {@link io.drover.client.EventSubscription}), list workers and the whole cluster. Built
 * on the JDK's {@link java.net.http.HttpClient} and Jackson; no Spring, so drivers, tools and tests can all
 * use it.
 *
 * <p>Programs that Drover runs read what their worker tells them through {@code DROVER_*} variables with
 * {@link io.drover.client.DriverContext} (a driver) and {@link io.drover.client.ExecutorContext} (an
 * executor).
 *
 * <p>Thread rule: a {@link io.drover.client.DroverClient} is immutable and safe to share between threads.
 */
package io.drover.client;
