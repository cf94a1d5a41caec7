/**
 * Master configuration: {@code MasterProperties} is the only place {@code drover.master.*} keys are read; beans for the clock, ids, persistence, the state store and the worker client.
 */
package io.drover.master.config;
