package io.drover.cli;

import picocli.CommandLine.IVersionProvider;

/** {@code drover --version}: the version the jar was built as (its manifest), or "development". */
final class Version implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = Drover.class.getPackage().getImplementationVersion();
        return new String[] {"drover " + (version != null ? version : "development")};
    }
}
