/**
 * Where drivers and executors go, and why what waits waits (issue 14): {@link
 * io.drover.master.scheduling.placement.PlacementPipeline} over immutable inputs, with Spark 4's driver and
 * executor rules, queues with weighted fair shares, custom resources and feasibility filters. Pure: no Spring, no
 * clock, no I/O, deterministic for a given seed; benchmarked in bench/.
 */
package io.drover.master.scheduling.placement;
