package com.tradingcontrol.schemas;

import com.tradingcontrol.schemas.avro.AuditRecord;
import com.tradingcontrol.schemas.avro.CommandEnvelope;
import com.tradingcontrol.schemas.avro.CommandOutcome;
import com.tradingcontrol.schemas.avro.ConfigSetting;
import com.tradingcontrol.schemas.avro.ControlState;
import com.tradingcontrol.schemas.avro.DeadLetter;
import com.tradingcontrol.schemas.avro.EngineReport;
import com.tradingcontrol.schemas.avro.EventEnvelope;
import com.tradingcontrol.schemas.avro.HaltSignal;
import com.tradingcontrol.schemas.avro.ProfileStatus;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.avro.Schema;

/** The top-level record schemas that travel on topics: the published contracts. */
public final class ContractSchemas {
    private ContractSchemas() {
    }

    /** Current schema of every published contract, by full name. */
    public static Map<String, Schema> current() {
        Map<String, Schema> all = new LinkedHashMap<>();
        for (Schema schema : new Schema[] {
                CommandEnvelope.getClassSchema(), EventEnvelope.getClassSchema(),
                CommandOutcome.getClassSchema(), AuditRecord.getClassSchema(),
                ControlState.getClassSchema(), DeadLetter.getClassSchema(),
                ProfileStatus.getClassSchema(), ConfigSetting.getClassSchema(),
                HaltSignal.getClassSchema(), EngineReport.getClassSchema()}) {
            all.put(schema.getFullName(), schema);
        }
        return Map.copyOf(all);
    }
}
