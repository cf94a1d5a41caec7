package io.drover.worker.resources;

import io.drover.protocol.resources.ResourceAddresses;
import io.drover.worker.config.ResourceOffer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.IntStream;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns the configured offers into addresses by name, once at start: {@code amount} gives {@code 0..n-1}, a
 * {@code discovery-script} is run and must print Spark's {@code {"name":"gpu","addresses":["0","1"]}}
 * ({@code ResourceInformation}'s JSON). Anything wrong fails the start with a message that names the key, since a
 * worker that silently offered nothing would leave GPU work waiting with no hint why.
 */
final class ResourceDiscovery {

    static final String KEY_PREFIX = "drover.worker.resources.";
    /** A script that has not answered in this long is not going to: Spark has no limit, a worker start should. */
    static final Duration SCRIPT_TIMEOUT = Duration.ofSeconds(60);
    static final int MAX_ADDRESSES = 1024;
    private static final int MAX_OUTPUT = 1 << 20;

    /** What a discovery script prints. */
    record Discovered(String name, List<String> addresses) {
    }

    private final JsonMapper json;

    ResourceDiscovery(JsonMapper json) {
        this.json = json;
    }

    Map<String, List<String>> discover(Map<String, ResourceOffer> offers) {
        Map<String, List<String>> found = new LinkedHashMap<>();
        offers.forEach((name, offer) -> found.put(name, addresses(name, offer)));
        return ResourceAddresses.copyOf(found);
    }

    private List<String> addresses(String name, ResourceOffer offer) {
        String key = KEY_PREFIX + name;
        if (!name.matches(ResourceAddresses.NAME_REGEX)) {
            throw new ResourceDiscoveryException(key + ": a resource name is lower-case letters, digits and '_', "
                    + "starting with a letter, at most 32 characters");
        }
        if ((offer.amount() == null) == (offer.discoveryScript() == null)) {
            throw new ResourceDiscoveryException(key + ": set exactly one of amount and discovery-script");
        }
        if (offer.amount() != null) {
            if (offer.amount() > MAX_ADDRESSES) {
                throw new ResourceDiscoveryException(key + ".amount: at most " + MAX_ADDRESSES);
            }
            return IntStream.range(0, offer.amount()).mapToObj(Integer::toString).toList();
        }
        return fromScript(key + ".discovery-script", name, offer.discoveryScript());
    }

    private List<String> fromScript(String key, String name, Path script) {
        String output = run(key, script);
        Discovered discovered;
        try {
            discovered = json.readValue(output, Discovered.class);
        } catch (JacksonException e) {
            throw new ResourceDiscoveryException(key + ": " + script + " printed no JSON of the form "
                    + "{\"name\":\"" + name + "\",\"addresses\":[\"0\",\"1\"]}: " + e.getOriginalMessage());
        }
        if (discovered == null || !name.equals(discovered.name())) {
            throw new ResourceDiscoveryException(key + ": " + script + " named the resource "
                    + (discovered == null ? "nothing" : "'" + discovered.name() + "'") + ", not '" + name + "'");
        }
        List<String> addresses = discovered.addresses() == null ? List.of() : discovered.addresses();
        if (addresses.isEmpty() || addresses.size() > MAX_ADDRESSES) {
            throw new ResourceDiscoveryException(key + ": " + script + " must print between 1 and " + MAX_ADDRESSES
                    + " addresses, not " + addresses.size());
        }
        for (String address : addresses) {
            if (address == null || !address.matches(ResourceAddresses.ADDRESS_REGEX)) {
                throw new ResourceDiscoveryException(key + ": " + script + " printed the address '" + address
                        + "'; an address is 1-128 letters, digits and _ . : / -");
            }
        }
        if (new LinkedHashSet<>(addresses).size() != addresses.size()) {
            throw new ResourceDiscoveryException(key + ": " + script + " printed an address twice");
        }
        return List.copyOf(addresses);
    }

    /** Runs the script with nothing on its stdin, and returns what it printed on stdout. */
    private static String run(String key, Path script) {
        Process process;
        try {
            process = new ProcessBuilder(script.toString())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
        } catch (IOException e) {
            throw new ResourceDiscoveryException(key + ": could not run " + script + ": " + e.getMessage());
        }
        // Read on another thread: a script that keeps its stdout open must still meet the timeout.
        CompletableFuture<byte[]> printed = CompletableFuture.supplyAsync(() -> readAtMost(process.getInputStream()));
        try {
            if (!process.waitFor(SCRIPT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new ResourceDiscoveryException(key + ": " + script + " did not finish within "
                        + SCRIPT_TIMEOUT.toSeconds() + " s");
            }
            if (process.exitValue() != 0) {
                throw new ResourceDiscoveryException(key + ": " + script + " exited with code " + process.exitValue());
            }
            return new String(printed.get(SCRIPT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS), StandardCharsets.UTF_8);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ResourceDiscoveryException(key + ": interrupted while running " + script);
        } catch (ExecutionException | TimeoutException e) {
            throw new ResourceDiscoveryException(key + ": could not read what " + script + " printed");
        }
    }

    private static byte[] readAtMost(InputStream in) {
        try (in) {
            return in.readNBytes(MAX_OUTPUT);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The worker cannot start with this offer; the message names the key. */
    static final class ResourceDiscoveryException extends IllegalStateException {
        ResourceDiscoveryException(String message) {
            super(message);
        }
    }
}
