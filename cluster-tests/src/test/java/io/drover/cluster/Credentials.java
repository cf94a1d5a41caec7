package io.drover.cluster;

import java.net.URI;
import java.net.http.HttpRequest;

/** The cluster secret every test cluster runs with, and requests that present it. */
public final class Credentials {

    public static final String SECRET = "cluster-tests-secret-0001";

    private Credentials() {
    }

    /** A request to {@code url} presenting the cluster secret. */
    public static HttpRequest.Builder authorized(String url) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + SECRET);
    }
}
