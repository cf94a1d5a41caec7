/** Small helpers shared by the worker's feature packages; no state, no Spring. */
package io.drover.worker.support;
