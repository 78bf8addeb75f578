package io.privatelink.provisioner.provisioning;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;

/** Every operation's admission, by the action that names it (on HTTP, and on the requests topic). */
@ApplicationScoped
public class Admissions {

    private final Map<String, Admission<?>> byAction;

    public Admissions(CreateAdmission create, DeleteAdmission delete, UpdateAdmission update, AdoptAdmission adopt,
            AcceptConnectionAdmission accept, RejectConnectionAdmission reject, CreateServiceAdmission createService,
            UpdateServiceAdmission updateService, DeleteServiceAdmission deleteService,
            AdoptServiceAdmission adoptService) {
        this.byAction = Stream.<Admission<?>> of(create, delete, update, adopt, accept, reject, createService,
                updateService, deleteService, adoptService)
                .collect(Collectors.toUnmodifiableMap(a -> a.operation().action(), Function.identity()));
    }

    public Optional<Admission<?>> forAction(String action) {
        return Optional.ofNullable(byAction.get(action));
    }
}
