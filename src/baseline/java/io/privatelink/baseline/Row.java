package io.privatelink.baseline;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** The one entity: Hibernate Reactive boots for it, as it does for the service's. */
@Entity
@Table(name = "baseline_row")
public class Row extends PanacheEntityBase {
    @Id
    public String id;
    public String body;
}
