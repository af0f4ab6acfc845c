package com.tradingcontrol.api.console;

import com.tradingcontrol.domain.config.ConfigCatalogueLoader;
import io.dropwizard.core.setup.Environment;

/**
 * Serves the operator console on the API's own port and origin: {@code /console/} (the files) and
 * {@code /} (a redirect to it), and the config catalogue's rules its editor validates with. Servlets next to Jersey's {@code /*}: the servlet container picks the
 * longer or exact mapping, so every API path stays with Jersey.
 */
public final class ConsoleSetup {
    private ConsoleSetup() {
    }

    public static void install(Environment environment) {
        environment.servlets().addServlet("console", new ConsoleAssets()).addMapping("/console", "/console/*");
        environment.servlets().addServlet("console-root", new RootRedirect()).addMapping("");
        environment.jersey().register(new CatalogueResource(ConfigCatalogueLoader.loadDefault()));
    }
}
