/**
 * Isolation of child processes (issue 10, {@code drover.worker.isolation}): the uids children run as
 * ({@code IdPool}), their cgroups ({@code Cgroups}, v2 or v1), what the host must offer ({@code HostCheck}),
 * and the {@code Sandbox} that wraps a planned command so it starts confined. The runners ask a
 * {@code Sandbox} for one {@code Confinement} per driver or executor; nothing here knows about drivers.
 * Debian's util-linux ({@code setpriv}, {@code unshare}) does the confining; no native code of ours.
 */
package io.drover.worker.isolation;
