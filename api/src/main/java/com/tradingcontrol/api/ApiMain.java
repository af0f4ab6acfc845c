package com.tradingcontrol.api;

import io.dropwizard.lifecycle.Managed;
import com.tradingcontrol.projections.store.ProjectionStore;
import com.tradingcontrol.projections.store.cosmos.CosmosProjectionStore;
import com.tradingcontrol.projections.store.sqlite.SqliteProjectionStore;
import com.tradingcontrol.schemas.registry.InProcessSchemaRegistry;
import com.tradingcontrol.schemas.registry.RestRegistryConfig;
import com.tradingcontrol.schemas.registry.RestSchemaRegistryClient;
import com.tradingcontrol.schemas.registry.SchemaRegistryClient;
import com.tradingcontrol.projections.service.ProjectorComponents;
import com.tradingcontrol.projections.service.ProjectorConfig;
import com.tradingcontrol.api.wiring.ServiceReadiness;
import com.tradingcontrol.api.wiring.StandardExtensions;
import com.tradingcontrol.schemas.config.ApiKeys;
import com.tradingcontrol.schemas.config.InvalidSettingException;
import com.tradingcontrol.schemas.config.ProcessorKeys;
import com.tradingcontrol.schemas.config.Settings;
import com.tradingcontrol.schemas.config.SettingsLoader;
import java.time.Clock;
import java.util.List;

/**
 * The production API process: {@link ControlPlaneApplication} with the command side and the read
 * side plugged in. Dropwizard's own arguments are unchanged ({@code server config.yml}; any YAML path can
 * be overridden with {@code -Ddw.<path>=value}): the YAML holds the HTTP server, logging, auth, commands
 * and engines sections, validated by Dropwizard with the path named.
 * <p>
 * The platform's keys ({@link ApiKeys}: the read side's store and registry, {@code kafka.bootstrapServers},
 * {@code processor.applicationId}) follow the one convention of every service ({@link SettingsLoader}): a
 * properties file named by {@code TCP_CONFIG} / {@code -Dtcp.config}, then {@code TCP_<KEY>} variables, then
 * {@code -D<key>}; a bad, unknown or old key ({@code TCP_READS_*}) stops the start with exit code 2, naming it.
 * The one registry client built from {@code registry.url}/{@code registry.dir} serves commands and reads; the
 * YAML's {@code kafka.bootstrapServers} is the key's unless {@code -Ddw.kafka.bootstrapServers} is given, and a YAML
 * naming another cluster or registry stops the start ({@link RegistryAgreement}).
 */
public final class ApiMain {
    /** The Dropwizard override of the YAML's cluster, set from {@code kafka.bootstrapServers} when not given. */
    static final String DW_BOOTSTRAP = "dw.kafka.bootstrapServers";
    /** Records the processors or the projector may be behind and still count as ready. */
    static final long READY_MAX_LAG = 1_000;

    private ApiMain() {
    }

    public static void main(String[] args) throws Exception {
        Settings settings;
        ProjectorConfig reads;
        try {
            settings = SettingsLoader.fromProcess(null);
            reads = ProjectorConfig.from(settings);
        } catch (InvalidSettingException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        String processorsGroup = settings.optional(ProcessorKeys.APPLICATION_ID, "trading-control-processors");
        if (System.getProperty(DW_BOOTSTRAP) == null) {
            System.setProperty(DW_BOOTSTRAP, reads.bootstrapServers());
        }
        SchemaRegistryClient registry = reads.registryUrl() != null
                ? new RestSchemaRegistryClient(RestRegistryConfig.of(reads.registryUrl()))
                : InProcessSchemaRegistry.persistent(reads.registryDir());
        ProjectionStore store = reads.storeType() == ProjectorConfig.StoreType.SQLITE
                ? SqliteProjectionStore.open(reads.sqliteFile())
                : new CosmosProjectionStore(reads.cosmos());
        List<ApiExtension> extensions = new java.util.ArrayList<>();
        extensions.add(RegistryAgreement.check(reads));
        extensions.addAll(extensions(reads, store, registry));
        extensions.add(new ServiceReadiness(reads.bootstrapServers(), processorsGroup, store, reads.prefix(),
                reads.topics(), READY_MAX_LAG).extension());
        new ControlPlaneApplication(extensions).run(args);
    }

    /**
     * The production API's extensions: commands, reads, and the projection admin routes (drift check,
     * rebuild, rebuild status) assembled exactly as the launcher assembles them; the store is closed with the server.
     */
    static List<ApiExtension> extensions(ProjectorConfig reads, ProjectionStore store, SchemaRegistryClient registry) {
        StandardExtensions api = StandardExtensions.over(store, reads.prefix(), reads.bootstrapServers(), registry,
                Clock.systemUTC());
        ApiExtension closeStore = (config, environment, runtime) -> environment.lifecycle().manage(new Managed() {
            @Override
            public void stop() throws Exception {
                store.close();
            }
        });
        List<ApiExtension> all = new java.util.ArrayList<>(api.all(new ProjectorComponents(reads, store, registry)));
        all.add(closeStore);
        return all;
    }
}
