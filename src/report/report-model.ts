/**
 * The scan report's model lives with the scan that builds it
 * (src/scan/report-model.ts); re-exported here for src/scan/scan.ts, which
 * still imports it from here, until its import line follows.
 */
export * from '../scan/report-model.js';
