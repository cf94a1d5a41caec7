/**
 * Performs the state machine's send effects (calls to workers) on its own pool, after the state change; failures come back as commands.
 */
package io.drover.master.dispatch;
