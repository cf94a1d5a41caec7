package io.drover.worker.config;

import jakarta.validation.constraints.Positive;
import java.nio.file.Path;

/**
 * One custom resource this worker offers ({@code drover.worker.resources.<name>.*}), as Spark's
 * {@code spark.worker.resource.<name>.amount} / {@code .discoveryScript}: either a count, whose addresses are
 * {@code 0..amount-1}, or a script run once at start that prints Spark's {@code {"name":..,"addresses":[..]}}.
 * Exactly one of the two; the worker's start fails naming the key otherwise.
 */
public record ResourceOffer(@Positive Integer amount, Path discoveryScript) {
}
