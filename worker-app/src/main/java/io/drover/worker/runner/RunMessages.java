package io.drover.worker.runner;

import org.slf4j.Logger;

/** Words both runners use, so a driver's and an executor's log lines and reports read alike. */
final class RunMessages {

    private RunMessages() {
    }

    /** Some exceptions carry no message; their type then says more than "null". */
    static String describe(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    static String exitedWith(Integer code) {
        return "exited with code " + code;
    }

    /** @param what "Driver <id>" or "Executor <appId>/<executorId>" */
    static void logEnd(Logger log, String what, Enum<?> state, Integer code, String why) {
        log.info("{} is {}{}{}", what, state, code == null ? "" : " with exit code " + code,
                why == null ? "" : ": " + why);
    }
}
