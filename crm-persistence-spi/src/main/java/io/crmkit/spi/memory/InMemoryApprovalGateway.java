package io.crmkit.spi.memory;

import io.crmkit.core.internal.Checks;
import io.crmkit.spi.approval.ApprovalGateway;
import io.crmkit.spi.approval.ApprovalRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An approval workflow in memory, for tests and demos: it keeps every submitted request (once per
 * id, as the gateway contract asks) so a test can read them and decide them through the rules API.
 * Thread-safe.
 */
public final class InMemoryApprovalGateway implements ApprovalGateway {
    private final Map<String, ApprovalRequest> requests = new LinkedHashMap<>();

    /** Keeps {@code request}; a request with an id already kept is ignored (idempotent per id). */
    @Override
    public synchronized void submit(ApprovalRequest request) {
        Checks.required("request", request);
        requests.putIfAbsent(request.id(), request);
    }

    /** Every request submitted so far, in submission order. */
    public synchronized List<ApprovalRequest> requests() {
        return List.copyOf(new ArrayList<>(requests.values()));
    }

    /** The request with {@code id}, if it was submitted. */
    public synchronized Optional<ApprovalRequest> request(String id) {
        return Optional.ofNullable(requests.get(id));
    }
}
