package io.drover.worker.runner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * How a child learns the custom resource addresses the master assigned it, in both forms issue 14 promises:
 * {@code DROVER_RESOURCE_<NAME>=0,1} per resource, and a file in its run directory in the format Spark's
 * {@code spark.driver.resourcesFile} / {@code spark.executor.resourcesFile} read (a JSON array of
 * {@code ResourceInformation}, {@code [{"name":"gpu","addresses":["0","1"]}]}), its path in
 * {@code DROVER_RESOURCES_FILE}. The variables go in after {@link ChildEnvironment}'s filter, like every other
 * {@code DROVER_*} one.
 */
final class ResourceExports {

    static final String FILE_NAME = "drover-resources.json";
    static final String FILE_VARIABLE = "DROVER_RESOURCES_FILE";
    static final String VARIABLE_PREFIX = "DROVER_RESOURCE_";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Spark's {@code ResourceInformation} as its JSON has it. */
    record ResourceInformation(String name, List<String> addresses) {
    }

    private ResourceExports() {
    }

    /**
     * Writes the resources file into {@code dir} (before the child may write there) and returns the variables
     * to export; nothing at all for a child that was assigned no addresses.
     */
    static Map<String, String> write(Path dir, Map<String, List<String>> addresses) throws IOException {
        if (addresses.isEmpty()) {
            return Map.of();
        }
        Path file = dir.resolve(FILE_NAME);
        List<ResourceInformation> information = addresses.entrySet().stream()
                .map(entry -> new ResourceInformation(entry.getKey(), entry.getValue())).toList();
        Files.write(file, JSON.writeValueAsBytes(information), StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
        return variables(addresses, file);
    }

    /** Names are lower case by the protocol ({@code [a-z][a-z0-9_]*}), so upper-casing gives a valid variable. */
    static Map<String, String> variables(Map<String, List<String>> addresses, Path file) {
        Map<String, String> variables = new LinkedHashMap<>();
        addresses.forEach((name, list) ->
                variables.put(VARIABLE_PREFIX + name.toUpperCase(Locale.ROOT), String.join(",", list)));
        variables.put(FILE_VARIABLE, file.toString());
        return variables;
    }
}
