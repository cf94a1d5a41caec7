/**
 * Programs that run on a Drover cluster as drivers. Plain Java with no dependencies: a worker copies this
 * jar as the driver's {@code appResource} and starts a class with {@code java -cp <jar> <mainClass>}.
 */
package io.drover.examples;
