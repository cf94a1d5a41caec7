/**
 * Leadership and the recovery mode: which store keeps the state, and when this master takes the cluster over
 * (recovers) or steps down. Talks to the state store only through its public commands.
 */
package io.drover.master.ha;
