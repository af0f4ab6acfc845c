package com.tradingcontrol.schemas.serde;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

/** Schemas used by the registry and serde tests, defined here rather than taken from production. */
public final class TestSchemas {
    private static final String NS = "com.tradingcontrol.schemas.serde";

    public static final String ORDER_V1 = "{\"type\":\"record\",\"name\":\"TestOrder\",\"namespace\":\"" + NS + "\","
            + "\"doc\":\"an order\",\"fields\":["
            + "{\"name\":\"orderId\",\"type\":\"string\"},"
            + "{\"name\":\"quantity\",\"type\":\"int\"}]}";

    /** V1 plus a defaulted field: BACKWARD compatible with V1. */
    public static final String ORDER_V2 = "{\"type\":\"record\",\"name\":\"TestOrder\",\"namespace\":\"" + NS + "\","
            + "\"doc\":\"an order\",\"fields\":["
            + "{\"name\":\"orderId\",\"type\":\"string\"},"
            + "{\"name\":\"quantity\",\"type\":\"int\"},"
            + "{\"name\":\"note\",\"type\":\"string\",\"default\":\"none\"}]}";

    /** V1 plus a field without a default: not BACKWARD compatible with V1. */
    public static final String ORDER_BREAKING = "{\"type\":\"record\",\"name\":\"TestOrder\",\"namespace\":\"" + NS
            + "\",\"fields\":["
            + "{\"name\":\"orderId\",\"type\":\"string\"},"
            + "{\"name\":\"quantity\",\"type\":\"int\"},"
            + "{\"name\":\"price\",\"type\":\"long\"}]}";

    private TestSchemas() {
    }

    public static Schema parse(String json) {
        return new Schema.Parser().parse(json);
    }

    public static GenericRecord orderV1(String id, int quantity) {
        GenericRecord record = new GenericData.Record(parse(ORDER_V1));
        record.put("orderId", id);
        record.put("quantity", quantity);
        return record;
    }
}
