#!/usr/bin/env node
'use strict';
// An example trading engine on the Trading Control Plane, in Node.js: it reads the compacted state
// topics from the beginning (read_committed), decodes them through the schema registry, keeps the
// current state in memory and decides locally (decide.js). See README.md.
//
//   node engine.js --vectors <decision-vectors.json>       run the decision vectors; exit 1 on any failure
//   node engine.js --local <local.json> --query t,p,s ...  catch up, answer each query (one JSON line each), exit
//   node engine.js --local <local.json> --serve            catch up, print {"ready":true}, then answer one
//                                                          query per stdin line "tenant,profile,symbol"
// An empty part of a query means "not asked about" (e.g. ",,AAPL").
const fs = require('fs');
const readline = require('readline');
const { decide, apply, emptyState, millis, InvalidQuery } = require('./decide');

const TOPICS = ['trading.control-state', 'trading.profile-state'];
const CATCH_UP_TIMEOUT_MS = Number(process.env.ENGINE_CATCH_UP_TIMEOUT_MS || 60000);

function parseQuery(text) {
  const [tenant, profile, symbol] = text.split(',').map((s) => (s === undefined || s.trim() === '' ? null : s.trim()));
  return { tenant: tenant ?? null, profile: profile ?? null, symbol: symbol ?? null };
}

function answer(state, query, now) {
  try {
    return decide(state, query, now);
  } catch (e) {
    if (e instanceof InvalidQuery) return { error: 'INVALID_QUERY', message: e.message };
    throw e;
  }
}

// ---- vectors

function sameCause(actual, expected) {
  const fields = ['scope', 'kind', 'mode', 'setBy', 'reason', 'commandId', 'message'];
  return fields.every((f) => (actual[f] ?? null) === (expected[f] ?? null))
    && millis(actual.setAt) === millis(expected.setAt) && millis(actual.expiresAt) === millis(expected.expiresAt);
}

function checkCase(c) {
  const state = emptyState();
  c.controlState.forEach((r) => apply(state, 'trading.control-state', r.key, r.value));
  c.profileState.forEach((r) => apply(state, 'trading.profile-state', r.key, r.value));
  const got = answer(state, c.query, Date.parse(c.now));
  const want = c.expected;
  if (want.error) return got.error === want.error ? null : `expected error ${want.error}, got ${JSON.stringify(got)}`;
  if (got.error) return `expected a decision, got ${got.error}: ${got.message}`;
  for (const f of ['mode', 'mayOpen', 'mayReduce', 'maintenance']) {
    if (got[f] !== want[f]) return `${f}: expected ${want[f]}, got ${got[f]}`;
  }
  if (got.causes.length !== want.causes.length || !got.causes.every((x, i) => sameCause(x, want.causes[i]))) {
    return `causes: expected ${JSON.stringify(want.causes)}, got ${JSON.stringify(got.causes)}`;
  }
  return null;
}

function runVectors(file) {
  const vectors = JSON.parse(fs.readFileSync(file, 'utf8'));
  const failed = [];
  for (const c of vectors.cases) {
    const problem = checkCase(c);
    if (problem) {
      failed.push(c.name);
      process.stderr.write(`FAIL ${c.name}: ${problem}\n`);
    }
  }
  const total = vectors.cases.length;
  process.stdout.write(JSON.stringify({ version: vectors.header.version, cases: total, passed: total - failed.length, failed }) + '\n');
  return failed.length === 0 ? 0 : 1;
}

// ---- live

/** Consumes both topics from the beginning; resolves once every partition is read to its end at start. */
async function follow(local, state) {
  const { Kafka, logLevel } = require('kafkajs');
  const { SchemaRegistry } = require('@kafkajs/confluent-schema-registry');
  const registry = new SchemaRegistry({ host: local.schemaRegistry });
  const kafka = new Kafka({ clientId: 'tcp-node-engine', brokers: [local.kafka], logLevel: logLevel.WARN });
  const admin = kafka.admin();
  await admin.connect();
  // read_committed end offsets (the last stable offset) of every partition: what "caught up" means.
  const pending = new Map();
  for (const topic of TOPICS) {
    for (const p of await admin.fetchTopicOffsets(topic)) {
      if (Number(p.offset) > 0) pending.set(`${topic}/${p.partition}`, Number(p.offset) - 1);
    }
  }
  await admin.disconnect();
  // A group of its own, never committed: every start reads the compacted topics from the beginning.
  const consumer = kafka.consumer({ groupId: `tcp-node-engine-${process.pid}-${Date.now()}`, readUncommitted: false });
  let caughtUp;
  const ready = new Promise((resolve) => { caughtUp = resolve; });
  const progressed = (topic, partition, lastOffset) => {
    const key = `${topic}/${partition}`;
    if (pending.has(key) && Number(lastOffset) >= pending.get(key)) pending.delete(key);
    if (pending.size === 0) caughtUp();
  };
  // Batches of control records only (transaction markers) are reported here too, so the end is reached.
  consumer.on(consumer.events.END_BATCH_PROCESS, (e) => progressed(e.payload.topic, e.payload.partition, e.payload.lastOffset));
  await consumer.connect();
  await consumer.subscribe({ topics: TOPICS, fromBeginning: true });
  await consumer.run({
    autoCommit: false,
    eachMessage: async ({ topic, message }) => {
      const value = message.value === null ? null : await registry.decode(message.value);
      apply(state, topic, message.key === null ? null : message.key.toString(), value);
    },
  });
  if (pending.size === 0) caughtUp();
  const timeout = new Promise((_, reject) => setTimeout(() => reject(new Error(
    `not caught up within ${CATCH_UP_TIMEOUT_MS} ms; still reading ${[...pending.keys()].join(', ')}`)), CATCH_UP_TIMEOUT_MS).unref());
  await Promise.race([ready, timeout]);
  return consumer;
}

async function runLive(args) {
  const local = JSON.parse(fs.readFileSync(args.local, 'utf8'));
  const state = emptyState();
  const consumer = await follow(local, state);
  const stop = async (code) => {
    await consumer.disconnect().catch(() => {});
    process.exit(code);
  };
  if (!args.serve) {
    for (const q of args.queries) process.stdout.write(JSON.stringify(answer(state, parseQuery(q), Date.now())) + '\n');
    return stop(0);
  }
  process.stdout.write(JSON.stringify({ ready: true, scopes: state.controls.size, profiles: state.profiles.size }) + '\n');
  const lines = readline.createInterface({ input: process.stdin });
  lines.on('line', (line) => {
    if (line.trim() !== '') process.stdout.write(JSON.stringify(answer(state, parseQuery(line), Date.now())) + '\n');
  });
  lines.on('close', () => stop(0));
  return undefined;
}

function parseArgs(argv) {
  const args = { queries: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--vectors') args.vectors = argv[++i];
    else if (a === '--local') args.local = argv[++i];
    else if (a === '--query') args.queries.push(argv[++i]);
    else if (a === '--serve') args.serve = true;
    else throw new Error(`unknown argument '${a}'`);
  }
  if (!args.vectors && !(args.local && (args.serve || args.queries.length > 0))) {
    throw new Error('usage: engine.js --vectors <file> | --local <local.json> (--query t,p,s ... | --serve)');
  }
  return args;
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (args.vectors) process.exit(runVectors(args.vectors));
  await runLive(args);
}

main().catch((err) => {
  process.stderr.write(`engine failed: ${err && err.stack ? err.stack : err}\n`);
  process.exit(2);
});
