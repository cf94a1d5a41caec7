/**
 * Runners: one {@code DriverRunner} per driver process and one {@code ExecutorRunner} per executor process,
 * owned by {@code RunnerRegistry} (the only holder of used cores and memory, under one lock with no I/O in
 * it), with the applications' shared scratch directories in {@code AppLocalDirs} and the app resources, fetched
 * once per worker and linked into each run, in {@code AppResourceCache}. Launches, kills and
 * restarts run on {@code RunnerThreads}, never on HTTP threads; state reports leave in order through
 * {@code StateReporter}. Pure parts ({@code LaunchPlanner}, {@code SupervisePolicy}) have no Spring and no I/O.
 */
package io.drover.worker.runner;
