/**
 * Programs that run on a Drover cluster. The module builds one self-contained jar (the client,
 * shared-model and Jackson are shaded in): a worker copies it as the driver's, or the application's,
 * {@code appResource} and starts a class with {@code java -cp <jar> <mainClass>}.
 *
 * <ul>
 *   <li>{@link io.drover.examples.HelloDriver}: the smallest driver; counts primes on its own.</li>
 *   <li>{@link io.drover.examples.PiDriver} with {@link io.drover.examples.PiExecutor}: a distributed
 *       Monte-Carlo estimate of π; the driver registers an application and its executors pull partitions
 *       from the driver over HTTP.</li>
 * </ul>
 */
package io.drover.examples;
