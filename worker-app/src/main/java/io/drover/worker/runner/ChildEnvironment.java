package io.drover.worker.runner;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What children inherit of the worker's environment (issue 10). Pure.
 *
 * <p>Never inherited: any variable, of any case and spelling, that Spring's relaxed binding could turn into a
 * Drover or Spring Boot setting ({@code DROVER_AUTH_SECRET}, {@code drover_auth_secret},
 * {@code drover.auth.secret}, {@code SPRING_APPLICATION_JSON}, {@code SERVER_SSL_KEY_STORE_PASSWORD}…), and
 * the variables a JVM or a launch script reads options from ({@code JAVA_TOOL_OPTIONS},
 * {@code JDK_JAVA_OPTIONS}, {@code _JAVA_OPTIONS}, {@code JAVA_OPTS}), which may carry {@code -D} settings. The
 * {@code DROVER_*} variables the worker sets for a child are added after this filter. With an executable
 * allow-list, variables that make the dynamic loader or an interpreter run code ({@link #loadsCode}) go too.
 */
final class ChildEnvironment {

    /** Relaxed binding maps these prefixes, with {@code _}, {@code .} or {@code -} after them, to settings. */
    private static final List<String> SETTING_PREFIXES = List.of("drover", "spring", "server", "management", "logging");
    private static final List<String> JVM_OPTION_VARIABLES =
            List.of("java_tool_options", "jdk_java_options", "_java_options", "java_opts");
    private static final List<String> CODE_LOADING_PREFIXES = List.of("ld_", "bash_func_");
    private static final List<String> CODE_LOADING = List.of("bash_env", "env", "shellopts", "bashopts", "ps4",
            "perl5opt", "perl5lib", "perllib", "pythonstartup", "pythonpath", "pythonhome", "pythoninspect",
            "rubyopt", "rubylib", "node_options", "node_path", "gconv_path", "locpath", "hostaliases", "classpath",
            "java_tool_options", "jdk_java_options", "_java_options");

    private ChildEnvironment() {
    }

    /** The worker's environment less every variable above; {@code strict} when an executable allow-list is set. */
    static Map<String, String> inherited(Map<String, String> worker, boolean strict) {
        Map<String, String> kept = new LinkedHashMap<>();
        worker.forEach((name, value) -> {
            if (!carriesSettings(name) && !(strict && loadsCode(name))) {
                kept.put(name, value);
            }
        });
        return kept;
    }

    static boolean carriesSettings(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (JVM_OPTION_VARIABLES.contains(lower)) {
            return true;
        }
        for (String prefix : SETTING_PREFIXES) {
            if (lower.equals(prefix) || (lower.startsWith(prefix) && "_.-[".indexOf(lower.charAt(prefix.length())) >= 0)) {
                return true;
            }
        }
        return false;
    }

    /** Variables through which a shell, the dynamic loader or an interpreter loads code before the program's own. */
    static boolean loadsCode(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return CODE_LOADING.contains(lower) || CODE_LOADING_PREFIXES.stream().anyMatch(lower::startsWith);
    }
}
