/**
 * Typed views: what the query side knows of each aggregate, as immutable values folded event by event by pure
 * functions (no MongoDB, no Spring). Persistence ({@code projection}) stores and loads them; facts, tables and
 * answers are derived from them, never the other way round.
 */
package cn.foi.query.view;
