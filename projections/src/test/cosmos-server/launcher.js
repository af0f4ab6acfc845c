'use strict';
// Test-only launcher for @vercel/cosmosdb-server, the in-memory Cosmos DB stand-in the projections
// contract suite runs the Cosmos adapter against. It serves plain HTTP on 127.0.0.1 (the Java side
// sets COSMOS.HTTP_CONNECTION_WITHOUT_TLS_ALLOWED, so the package's expired certificate is never
// used) and fixes what the stock server gets wrong for azure-cosmos 4.x in gateway mode:
//   1. query-plan requests are answered with a pass-through plan over the single partition key
//      range the server has, so the server itself runs filters, ORDER BY and continuation;
//   2. responses carry x-ms-alt-content-path (the SDK keys session state by it);
//   3. batch operations get the partition key from the request header when they carry none;
//   4. reading a missing item answers 404 instead of crashing into a 500, and reads work for
//      nested partition key paths such as /scope/tenant;
//   5. a query scoped by the x-ms-documentdb-partitionkey header runs over that partition only
//      (the stock server ignores the header and insists the SQL names the key), and a query
//      without it runs over the whole container (the SDK sends a partition key range id instead
//      of the cross-partition flag);
//   6. the account's endpoints advertise http, matching how it is served.
// Usage: node launcher.js [port]   (port 0 or none = any free port). Prints "READY <port>" once
// listening and exits when its stdin closes, so it never outlives the JVM that started it.
const { Readable } = require('stream');

const LIB = '@vercel/cosmosdb-server/lib';
const { parsePartitionKey } = require(`${LIB}/utils/get-partition-from-header`);
const PK_HEADER = 'x-ms-documentdb-partitionkey';
const readItems = require(`${LIB}/handler/_read-items`).default;
const readJson = require(`${LIB}/json`).default;
const getValue = require(`${LIB}/utils/get-value`).default;
const cosmosQuery = require(require.resolve('@zeit/cosmosdb-query', { paths: [require.resolve(LIB)] })).default;

function partitionKeyOf(req) {
  const header = req.headers[PK_HEADER];
  if (!header || header === '[{}]') {
    return undefined;
  }
  return parsePartitionKey(header, undefined);
}

// Handlers must be replaced before the server's route table (built when index.js loads) captures them.
function patchHandler(name, wrap) {
  const mod = require(`${LIB}/handler/${name}`);
  mod.default = wrap(mod.default);
}

patchHandler('read-document', () => (account, req, res, params) => {
  const collection = account.database(params.dbId).collection(params.collId);
  const pk = partitionKeyOf(req);
  const doc = collection.read() ? collection.document(params.docId, pk === undefined ? params.docId : pk).read() : null;
  if (!doc) {
    res.statusCode = 404;
    return { code: 'NotFound', message: 'Entity with the specified id does not exist in the system.' };
  }
  return doc;
});

patchHandler('query-documents', () => (account, req, res, params) =>
  readItems(req, res, 'Documents', async ({ continuation, maxItemCount }) => {
    const body = await readJson(req);
    const collection = account.database(params.dbId).collection(params.collId);
    const properties = collection.read();
    if (!properties) {
      return null;
    }
    const pk = partitionKeyOf(req);
    const pkPath = ((properties.partitionKey || {}).paths || ['/id'])[0].slice(1).split('/');
    const docs = [...collection.documents._data.values()].map(item => item.read())
      .filter(doc => pk === undefined || getValue(pkPath, doc) === pk);
    try {
      return cosmosQuery(body.query).exec(docs, {
        parameters: body.parameters,
        maxItemCount,
        continuation,
        udf: null,
        compositeIndexes: (properties.indexingPolicy || {}).compositeIndexes || []
      });
    } catch (err) {
      res.statusCode = 400;
      return { code: 'BadRequest', message: err.message };
    }
  }));

patchHandler('read-meta', original => (account, req, res, params) => {
  const meta = JSON.parse(JSON.stringify(original(account, req, res, params)));
  for (const list of [meta.writableLocations, meta.readableLocations]) {
    (list || []).forEach(l => { l.databaseAccountEndpoint = l.databaseAccountEndpoint.replace(/^https:/, 'http:'); });
  }
  return meta;
});

patchHandler('batch-documents', original => async (account, req, res, params) => {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  let operations = JSON.parse(Buffer.concat(chunks).toString() || 'null');
  if (Array.isArray(operations) && req.headers[PK_HEADER]) {
    operations = operations.map(op => (op && op.partitionKey === undefined ? { ...op, partitionKey: req.headers[PK_HEADER] } : op));
  }
  const replay = Readable.from([Buffer.from(JSON.stringify(operations))]);
  replay.headers = req.headers;
  replay.method = req.method;
  replay.url = req.url;
  return original(account, replay, res, params);
});

const { createHttpServer } = require(LIB);

const PASS_THROUGH_PLAN = JSON.stringify({
  partitionedQueryExecutionInfoVersion: 2,
  queryInfo: {
    distinctType: 'None',
    top: null,
    offset: null,
    limit: null,
    orderBy: [],
    orderByExpressions: [],
    groupByExpressions: [],
    groupByAliases: [],
    aggregates: [],
    groupByAliasToAggregateType: {},
    rewrittenQuery: '',
    hasSelectValue: false,
    hasNonStreamingOrderBy: false
  },
  queryRanges: [{ min: '', max: 'FF', isMinInclusive: true, isMaxInclusive: false }]
});

function isQueryPlanRequest(req) {
  return String(req.headers['x-ms-cosmos-is-query-plan-request'] || '').toLowerCase() === 'true';
}

function answerQueryPlan(req, res) {
  req.resume();
  req.on('end', () => {
    res.writeHead(200, { 'content-type': 'application/json', 'x-ms-request-charge': '0' });
    res.end(PASS_THROUGH_PLAN);
  });
}

function addAltContentPath(req, res) {
  const match = /^\/*(dbs\/[^/]+(?:\/colls\/[^/]+)?)/.exec((req.url || '').split('?')[0]);
  if (match) {
    res.setHeader('x-ms-alt-content-path', decodeURIComponent(match[1]));
  }
}

const server = createHttpServer({ keepAlive: true });
const [handleRequest] = server.listeners('request');
server.removeAllListeners('request');
server.on('request', (req, res) => {
  if (process.env.COSMOS_LAUNCHER_TRACE) {
    console.error(`${req.method} ${req.url} ${JSON.stringify(req.headers)}`);
  }
  if (isQueryPlanRequest(req)) {
    answerQueryPlan(req, res);
    return;
  }
  addAltContentPath(req, res);
  handleRequest(req, res);
});

const port = parseInt(process.argv[2] || '0', 10);
server.listen(port, '127.0.0.1', () => {
  console.log(`READY ${server.address().port}`);
});
process.stdin.on('end', () => process.exit(0));
process.stdin.on('error', () => process.exit(0));
process.stdin.resume();
