/**
 * Immutable records of the master's state (workers, drivers, applications, executors) and the published snapshot. Pure: no Spring, no I/O.
 */
package io.drover.master.state.model;
