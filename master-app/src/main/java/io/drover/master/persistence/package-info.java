/**
 * What survives the master: the {@code PersistenceEngine} contract and its implementations, called only from the state store's inbox thread.
 */
package io.drover.master.persistence;
