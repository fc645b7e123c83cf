/**
 * User administration on the record: each change to an account is an event of the log (who and when in its
 * metadata), with no password material. The query service does not project them: it reads display names from the
 * shared user store.
 */
package cn.foi.events.user;
