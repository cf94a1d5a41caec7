/**
 * The state machine: commands in, effects out. Touched only from the state store's inbox thread; no locks, no I/O, no Spring.
 */
package io.drover.master.state.machine;
