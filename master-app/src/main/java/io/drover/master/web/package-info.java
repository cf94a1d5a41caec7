/**
 * The dashboard pages; they read the published snapshot and never change state.
 */
package io.drover.master.web;
