package cn.foi.query.projection;

import java.util.Map;

/**
 * Every table of every agency as counted now, keyed "agency/year": a rebuild compares the tables before and after
 * it. Implemented by the tables themselves, which depend on the projection, not the other way round.
 */
public interface TableSnapshot {

    Map<String, Object> all();
}
