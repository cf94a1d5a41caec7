/**
 * When placement rounds run: the safety-net {@code @Scheduled} round, which only asks the state store.
 */
package io.drover.master.scheduling;
