/**
 * Scheduling (issue 14): the placement round ({@link io.drover.master.scheduling.SchedulingRound}: the master's
 * state read into the pure {@code placement} pipeline, decisions and reasons out), the queues' shares and work
 * ({@link io.drover.master.scheduling.QueueStats}), the settings, and the safety-net {@code @Scheduled} round that
 * only asks the state store. Only the last is Spring; the round runs on the state thread and changes nothing.
 */
package io.drover.master.scheduling;
