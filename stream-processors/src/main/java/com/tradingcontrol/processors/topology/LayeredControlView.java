package com.tradingcontrol.processors.topology;

import com.tradingcontrol.codec.ControlStateMapper;
import com.tradingcontrol.domain.Scope;
import com.tradingcontrol.domain.control.ControlState;
import com.tradingcontrol.domain.control.ControlView;
import java.util.Optional;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * The ControlView the deciders see: this task's own control states (exact and up to date), then
 * the replicated global store over {@code trading.control-state} for every other scope. The global
 * store lags by a commit interval plus the global thread's poll, which only affects notes about
 * other scopes, never the decision for the command's own aggregate.
 */
final class LayeredControlView implements ControlView {

    private final ReadOnlyKeyValueStore<String, ControlState> local;
    private final ReadOnlyKeyValueStore<String, com.tradingcontrol.schemas.avro.ControlState> replicated;

    LayeredControlView(ReadOnlyKeyValueStore<String, ControlState> local,
                       ReadOnlyKeyValueStore<String, com.tradingcontrol.schemas.avro.ControlState> replicated) {
        this.local = local;
        this.replicated = replicated;
    }

    @Override
    public Optional<ControlState> control(Scope scope) {
        String id = scope.toString();
        ControlState own = local.get(id);
        if (own != null) {
            return Optional.of(own);
        }
        return Optional.ofNullable(replicated.get(id)).map(ControlStateMapper::fromAvro);
    }
}
