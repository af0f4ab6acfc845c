package com.tradingcontrol.schemas.serde;

import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecordBase;

/**
 * A hand-written equivalent of an avro-maven-plugin class (static {@code SCHEMA$}, positional
 * get/put), so serde tests do not depend on the production contracts. Its schema is version 2 of
 * {@link TestSchemas#ORDER_V1}: it adds {@code note} with a default.
 */
public class TestOrder extends SpecificRecordBase {
    public static final Schema SCHEMA$ = TestSchemas.parse(TestSchemas.ORDER_V2);

    private CharSequence orderId;
    private int quantity;
    private CharSequence note;

    public TestOrder() {
    }

    public TestOrder(String orderId, int quantity, String note) {
        this.orderId = orderId;
        this.quantity = quantity;
        this.note = note;
    }

    public String orderId() {
        return orderId.toString();
    }

    public int quantity() {
        return quantity;
    }

    public String note() {
        return note.toString();
    }

    @Override
    public Schema getSchema() {
        return SCHEMA$;
    }

    @Override
    public Object get(int field) {
        return switch (field) {
            case 0 -> orderId;
            case 1 -> quantity;
            case 2 -> note;
            default -> throw new IndexOutOfBoundsException("no field " + field);
        };
    }

    @Override
    public void put(int field, Object value) {
        switch (field) {
            case 0 -> orderId = (CharSequence) value;
            case 1 -> quantity = (Integer) value;
            case 2 -> note = (CharSequence) value;
            default -> throw new IndexOutOfBoundsException("no field " + field);
        }
    }
}
