/**
 * Where drivers and executors go: pure functions over immutable inputs, deterministic for a given seed, benchmarked in bench/.
 */
package io.drover.master.scheduling.placement;
