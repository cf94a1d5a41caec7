package io.drover.protocol.internal;

/**
 * Why a worker refused a launch, named in its {@code 409} answer's problem document as the member
 * {@value #MEMBER}. A refused launch is not a failure of the work: the master places it again, and it counts
 * towards neither a driver's launch attempts nor an application's executor failures.
 */
public enum LaunchRefusal {

    /**
     * The worker has no room for it now: what it offers is held by work still running or still ending (a
     * worker never runs more than it offers, issue 13).
     */
    NO_ROOM;

    /** The problem document's member that carries the refusal's name. */
    public static final String MEMBER = "launchRefused";
}
