package cn.foi.command.publication;

import cn.foi.events.agency.AgencyRegistered;
import cn.foi.events.published.PublishedEvent;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** The record an event becomes on the topic: keyed by its aggregate, with when it was recorded in a header too. */
class PublishedRecordTest {

    @Test
    void a_record_carries_its_aggregate_as_key_and_its_recording_moment_as_a_header() throws Exception {
        Instant recorded = Instant.parse("2026-12-05T07:00:00.123456Z");
        AgencyRegistered payload = new AgencyRegistered("xixia-office", "西峡县政府办公室", LocalDate.of(2026, 1, 1));
        GenericDomainEventMessage<AgencyRegistered> message = new GenericDomainEventMessage<>(
                "Agency", "xixia-office", 0, new org.axonframework.messaging.GenericMessage<>("e-1", payload, MetaData.emptyInstance()),
                () -> recorded);
        KafkaEventPublisher publisher = new KafkaEventPublisher(null, JsonMapper.builder().findAndAddModules().build(), "foi.events");

        ProducerRecord<String, String> record = publisher.recordOf(payload, message, 7);

        assertThat(record.key()).isEqualTo("xixia-office");
        byte[] header = record.headers().lastHeader(PublishedEvent.RECORDED_AT_MILLIS_HEADER).value();
        assertThat(PublishedEvent.recordedAtMillis(header)).isEqualTo("2026-12-05T07:00:00.123Z");
        assertThat(record.value()).contains("\"timestamp\":\"2026-12-05T07:00:00.123456Z\"");
    }

    @Test
    void on_a_topic_named_for_it_a_request_s_record_is_keyed_by_its_agency_and_a_calendar_notice_by_its_aggregate() throws Exception {
        var payload = new cn.foi.events.request.RequestDecided("r-1", "xixia-office", cn.foi.events.codes.ResultCode.DISCLOSED,
                                                               LocalDate.of(2026, 3, 2), null);
        GenericDomainEventMessage<?> message = new GenericDomainEventMessage<>(
                "DisclosureRequest", "r-1", 3, new org.axonframework.messaging.GenericMessage<>("e-2", payload, MetaData.emptyInstance()),
                () -> Instant.parse("2026-03-02T01:00:00Z"));
        var mapper = JsonMapper.builder().findAndAddModules().build();

        assertThat(new KafkaEventPublisher(null, mapper, "foi.events").recordOf(payload, message, 9).key()).isEqualTo("r-1");
        assertThat(new KafkaEventPublisher(null, mapper, "foi.events.by-agency").recordOf(payload, message, 9).key()).isEqualTo("xixia-office");

        var notice = new cn.foi.events.calendar.HolidayArrangementPublished("national", 2027, java.util.List.of(), java.util.List.of(),
                                                                            "国办发明电", LocalDate.of(2026, 11, 4));
        GenericDomainEventMessage<?> calendar = new GenericDomainEventMessage<>(
                "CalendarBook", "national", 0, new org.axonframework.messaging.GenericMessage<>("e-3", notice, MetaData.emptyInstance()),
                () -> Instant.parse("2026-11-04T01:00:00Z"));
        assertThat(new KafkaEventPublisher(null, mapper, "foi.events.by-agency").recordOf(notice, calendar, 10).key()).isEqualTo("national");
    }
}
