package com.tradingcontrol.processors.topology;

import com.tradingcontrol.schemas.avro.ControlState;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/** Keeps the global control-view store equal to the compacted trading.control-state topic. */
final class ControlViewUpdater implements Processor<String, ControlState, Void, Void> {

    private KeyValueStore<String, ControlState> store;

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        store = context.getStateStore(StoreNames.CONTROL_VIEW);
    }

    @Override
    public void process(Record<String, ControlState> record) {
        if (record.key() == null) {
            return;
        }
        if (record.value() == null) {
            store.delete(record.key());
        } else {
            store.put(record.key(), record.value());
        }
    }
}
