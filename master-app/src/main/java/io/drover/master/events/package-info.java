/**
 * The applications' Server-Sent Event streams, fed only by the state machine's publish effects, written on their own thread.
 */
package io.drover.master.events;
