package cn.foi.command.review;

import cn.foi.command.problem.NotFound;
import cn.foi.command.review.ReviewCommands.ConcludeReview;
import cn.foi.command.review.ReviewCommands.FileReview;
import cn.foi.command.review.ReviewCommands.Kind;
import cn.foi.events.codes.ReviewResult;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

@RestController
class ReviewController {

    private final CommandGateway commands;

    ReviewController(CommandGateway commands) {
        this.commands = commands;
    }

    record FilingBody(Kind kind, LocalDate filedOn, Boolean afterReconsideration) {
    }

    record ConclusionBody(ReviewResult result, LocalDate concludedOn) {
    }

    @PostMapping("/api/requests/{requestId}/reviews")
    ResponseEntity<Map<String, String>> file(@PathVariable String requestId, @RequestBody FilingBody body) {
        String reviewId = UUID.randomUUID().toString();
        commands.sendAndWait(new FileReview(reviewId, requestId, body.kind(), body.afterReconsideration(), body.filedOn()));
        return ResponseEntity.created(URI.create("/api/reviews/" + reviewId)).body(Map.of("reviewId", reviewId));
    }

    @PostMapping("/api/reviews/{reviewId}/conclusion")
    Map<String, Object> conclude(@PathVariable String reviewId, @RequestBody ConclusionBody body) {
        try {
            commands.sendAndWait(new ConcludeReview(reviewId, body.result(), body.concludedOn()));
        } catch (AggregateNotFoundException e) {
            throw new NotFound("复议或诉讼 " + reviewId + " 不存在 (unknown review)");
        }
        return Map.of("reviewId", reviewId, "result", body.result());
    }
}
