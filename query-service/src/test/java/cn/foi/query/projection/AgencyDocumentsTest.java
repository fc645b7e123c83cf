package cn.foi.query.projection;

import cn.foi.query.view.AgencyView;
import cn.foi.query.view.HistoryEntry;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** An agency's view is stored and read back unchanged: its closed years, table 二 and old-form figures, its history. */
class AgencyDocumentsTest {

    private static Document stored(AgencyView view) {
        org.bson.RawBsonDocument bytes = WriteBehind.bson(AgencyDocuments::encode).apply(view);
        return com.mongodb.MongoClientSettings.getDefaultCodecRegistry().get(Document.class)
                .decode(new org.bson.BsonBinaryReader(bytes.getByteBuffer().asNIO()), org.bson.codecs.DecoderContext.builder().build());
    }

    @Test
    void a_view_reads_back_as_it_was_stored() {
        AgencyView view = new AgencyView(
                "a-1", 4, "某县人民政府办公室", LocalDate.of(2016, 1, 4),
                Map.of(2016, new AgencyView.YearClose(LocalDate.of(2017, 1, 10), 2, 40, Instant.parse("2017-01-10T02:00:00.123Z"))),
                Map.of(2020, List.of(new AgencyView.ProactiveVersion(1, LocalDate.of(2021, 1, 5), Instant.parse("2021-01-05T02:00:00Z"),
                                                                     Map.of("RULES", Map.of("MADE", BigDecimal.ONE))))),
                Map.of(2016, List.of(new AgencyView.LegacyFiguresVersion(1, LocalDate.of(2017, 1, 6), Instant.parse("2017-01-06T02:00:00Z"),
                                                                         Map.of("PROACTIVE_ITEMS", BigDecimal.TEN,
                                                                                "SPECIAL_FUNDS_10K_YUAN", new BigDecimal("1.5"))))),
                List.of(new HistoryEntry(1, 0, "AgencyRegistered", "机构登记", LocalDate.of(2016, 1, 4),
                                         Instant.parse("2016-01-04T01:00:00Z"), "admin", "a-1", "某县人民政府办公室")));

        assertThat(AgencyDocuments.decode(stored(view))).isEqualTo(view);
    }
}
