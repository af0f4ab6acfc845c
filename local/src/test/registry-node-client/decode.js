'use strict';
// A stock, non-Java Confluent registry client decoding a record the platform's serde wrote.
// Usage: node decode.js <registry URL> <hex of one Kafka record value in Confluent wire format>
// Fetches the writer schema by the id in the record's header (GET /schemas/ids/{id}) through
// @kafkajs/confluent-schema-registry, as an engine consuming trading.control-state would, and
// prints {"id", "schemaName", "record"} as one JSON line. Exits non-zero with the error otherwise.
const { SchemaRegistry } = require('@kafkajs/confluent-schema-registry');

async function main() {
  const [url, hex] = process.argv.slice(2);
  if (!url || !hex) {
    throw new Error('usage: node decode.js <registry URL> <hex>');
  }
  const registry = new SchemaRegistry({ host: url });
  const buffer = Buffer.from(hex, 'hex');
  const id = buffer.readInt32BE(1);
  const schema = await registry.getSchema(id);
  const record = await registry.decode(buffer);
  process.stdout.write(JSON.stringify({ id, schemaName: schema.name, record }) + '\n');
}

main().catch((err) => {
  process.stderr.write(`decode failed: ${err && err.stack ? err.stack : err}\n`);
  process.exit(1);
});
