package io.drover.worker.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChildEnvironmentTest {

    /** Issue 10: a lower-case drover_auth_secret, which Spring binds, passed the DROVER_AUTH_ filter. */
    @Test
    void everySpellingOfADroverOrSpringSettingIsDropped() {
        Map<String, String> worker = new LinkedHashMap<>();
        for (String name : new String[] {"DROVER_AUTH_SECRET", "drover_auth_secret", "drover.auth.secret",
                "Drover_Auth_Tokens_0_Token", "DROVER_MASTER_PORT", "drover-auth-secret", "SPRING_APPLICATION_JSON",
                "spring.application.json", "SPRING_SSL_BUNDLE_JKS_S_KEYSTORE_PASSWORD", "SERVER_SSL_KEY_PASSWORD",
                "MANAGEMENT_SERVER_PORT", "LOGGING_CONFIG", "JAVA_TOOL_OPTIONS", "jdk_java_options", "_JAVA_OPTIONS",
                "JAVA_OPTS"}) {
            worker.put(name, "-Ddrover.auth.secret=s3cret");
        }
        worker.put("PATH", "/usr/bin:/bin");
        worker.put("HOME", "/root");
        worker.put("SPRINGFIELD", "a town, not a setting");

        assertThat(ChildEnvironment.inherited(worker, false))
                .containsOnlyKeys("PATH", "HOME", "SPRINGFIELD");
    }

    @Test
    void withAnExecutableListTheLoaderAndInterpreterVariablesGoToo() {
        Map<String, String> worker = Map.of("LD_PRELOAD", "/tmp/evil.so", "LD_LIBRARY_PATH", "/tmp", "BASH_ENV",
                "/tmp/rc", "ENV", "/tmp/rc", "PATH", "/usr/bin");

        assertThat(ChildEnvironment.inherited(worker, true)).containsOnlyKeys("PATH");
        assertThat(ChildEnvironment.inherited(worker, false)).containsKeys("LD_PRELOAD", "BASH_ENV");
    }
}
