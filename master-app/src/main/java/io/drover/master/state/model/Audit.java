package io.drover.master.state.model;

/**
 * Who asked for a driver or an application, and who killed it: the names of the tokens behind the calls
 * (issue 4's audit), shown on the API records as {@code submittedBy} and {@code killedBy}.
 *
 * @param killedBy null until someone asks to kill it
 */
public record Audit(String submittedBy, String killedBy) {

    public static Audit submittedBy(String name) {
        return new Audit(name, null);
    }

    public Audit killedBy(String name) {
        return new Audit(submittedBy, name);
    }
}
