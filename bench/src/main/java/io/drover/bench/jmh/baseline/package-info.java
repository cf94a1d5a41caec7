/**
 * The executor placement as it was before issue 14 (one first-in first-out loop, no reasons, no queues), kept
 * unchanged as the placement benchmark's baseline so every run measures the old and the new round side by side.
 * Nothing in Drover uses it.
 */
package io.drover.bench.jmh.baseline;
