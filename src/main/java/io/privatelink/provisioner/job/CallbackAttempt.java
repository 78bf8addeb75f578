package io.privatelink.provisioner.job;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** One attempt to deliver a callback: when, the receiver's status (null without an answer) or why not, how long. */
@Entity
@Table(name = "vpc_endpoint_callback_attempt")
public class CallbackAttempt extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "callback_id", nullable = false)
    public Long callbackId;

    @Column(nullable = false)
    public Instant at;

    public Integer status;

    public String error;

    @Column(nullable = false)
    public int millis;
}
