/**
 * The command service's event store as the query service reads it, read-only: for the completeness check (is every
 * stored event projected?) and the audit (is every stored event as it was written?).
 */
package cn.foi.query.eventlog;
