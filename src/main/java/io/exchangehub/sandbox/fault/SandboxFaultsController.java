package io.exchangehub.sandbox.fault;

import io.exchangehub.api.Problems;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /sandbox/faults}: tests switch faults on ({@code POST} a {@link FaultRule} without id),
 * list them, and switch them off (one by id, or all).
 */
@RestController
class SandboxFaultsController {

    private final SandboxFaults faults;

    SandboxFaultsController(SandboxFaults faults) {
        this.faults = faults;
    }

    @PostMapping(path = "/sandbox/faults", consumes = "application/json", produces = "application/json")
    ResponseEntity<FaultRule> add(@RequestBody FaultRule rule) {
        FaultRule stored = faults.add(rule);
        return ResponseEntity.created(URI.create("/sandbox/faults/" + stored.id())).body(stored);
    }

    @GetMapping(path = "/sandbox/faults", produces = "application/json")
    List<FaultRule> list() {
        return faults.list();
    }

    @DeleteMapping("/sandbox/faults/{id}")
    ResponseEntity<Void> remove(@PathVariable String id) {
        return faults.remove(id) ? ResponseEntity.noContent().build() : ResponseEntity.notFound().build();
    }

    @DeleteMapping("/sandbox/faults")
    ResponseEntity<Void> clear() {
        faults.clear();
        return ResponseEntity.noContent().build();
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail invalid(IllegalArgumentException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setType(Problems.Kind.VALIDATION.type());
        problem.setTitle("Invalid fault switch");
        return problem;
    }
}
