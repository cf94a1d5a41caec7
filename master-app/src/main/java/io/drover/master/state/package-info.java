/**
 * The single owner of the master's state: {@code ClusterStateStore} applies commands on its one inbox thread and publishes immutable snapshots; timers only send commands.
 */
package io.drover.master.state;
